### Harbour: help for the child, Pashto (ps).
### Machine-quality translation from en-GB, written 2026-11-26; not yet reviewed by a
### qualified translator. The app shows staff this status.
###
### review: machine

## The screen

child-help-title = ستا لپاره مرسته
child-help-intro = ته ملامت نه یې. ته هر وخت مرسته غوښتلای شې.
child-choose-language = خپله ژبه وټاکه
child-help-card-keep = دا کارت په خوندي ځای کې وساته. ته له هر تلیفون څخه دې شمېرو ته زنګ وهلای شې.

## The Runaway Helpline

child-runaway-name = د تښتېدلو ماشومانو د مرستې کرښه (Runaway{"\u00A0"}Helpline)
child-runaway-what = { $number } ته زنګ ووهه یا لیکلی پیغام ولېږه. زنګ او پیغام وړیا دي، که ستا په تلیفون کې کریډیټ نه وي هم.
child-runaway-private = اړ نه یې چې خپل نوم ووایې. هغه څه چې ته یې وایې پټ پاتې کېږي، مګر دا چې یو څوک په جدي خطر کې وي.
child-runaway-message = که ته غوښتنه وکړې، هغوی کولای شي ستا لپاره ستا پالونکي یا ستا کورنۍ ته پیغام ورسوي.
child-runaway-language = که زنګ ووهې، کولای شې د ترجمان غوښتنه وکړې. لیکلو پیغامونو ته په انګلیسي ژبه ځواب ورکول کېږي.
child-runaway-hours = هره ورځ له { $from } څخه تر { $to } پورې کار کوي.
child-runaway-hours-always = هره ورځ، د ورځې او د شپې کار کوي.

## Other numbers

child-childline-name = د ماشومانو د مرستې کرښه (Childline)
child-childline-what = { $number } ته وړیا زنګ ووهه. ته د هر څه په اړه خبرې کولای شې. دا د هر هغه چا لپاره ده چې له نولسو کالو کم عمر ولري.
child-emergency-name = همدا اوس په خطر کې یې؟
child-emergency-what = د پولیسو یا امبولانس لپاره { $number } یا { $alt } ته زنګ ووهه. زنګ وړیا دی.
child-police-name = پولیس، کله چې بیړنۍ پېښه نه وي
child-police-what = له پولیسو سره د خبرو لپاره { $number } ته زنګ ووهه.
child-slavery-name = د عصري غلامۍ د مرستې کرښه (Modern{"\u00A0"}Slavery{"\u00A0"}Helpline)
child-slavery-what = که څوک تا اړ باسي چې کار وکړې یا په کوم ځای کې پاتې شې، { $number } ته زنګ ووهه. زنګ وړیا دی او دا کرښه د ورځې او د شپې کار کوي.

## Your rights

child-rights-title = ستا حقونه
child-right-safe = ته حق لرې چې خوندي اوسې. هېڅوک اجازه نه لري چې تا ته زیان ورسوي، له تا ناوړه ګټه واخلي یا تا بې پامه پرېږدي.
child-right-heard = ته حق لرې چې خبرو ته دې غوږ ونیول شي. لوی خلک باید فکر وکړي چې ستا لپاره تر ټولو ښه څه دي.
child-right-not-crime = که ورک شې یا وتښتې، دا جرم نه دی. ته ملامت نه یې.
child-right-police-see = که ستا د ورکېدو راپور ورکړل شوی وي، پولیس اړتیا لري چې تا وویني ترڅو ډاډ ترلاسه کړي چې ته خوندي یې. ته کولای شې { $number } ته زنګ ووهې یا د پولیسو حوزې ته لاړ شې.
child-right-safe-place = که هلته چې ته اوسېږې خوندي نه وي، پولیسو ته ووایه. که له اتلسو کالو کم عمر لرې، ټولنیز خدمتونه باید تا ته د اوسېدو لپاره یو خوندي ځای پیدا کړي.
child-right-forced = که څوک تا اړ باسي چې په کوم ځای کې پاتې شې یا کار وکړې، دا کار غلط دی او احتمالاً د قانون خلاف دی. ته مرسته ترلاسه کولای شې.
child-right-no-name = ته کولای شې { $number } ته وړیا زنګ ووهې یا لیکلی پیغام ولېږې، که ستا په تلیفون کې کریډیټ نه وي هم. اړ نه یې چې خپل نوم ووایې.
child-right-danger = همدا اوس په خطر کې یې؟ { $number } ته زنګ ووهه.
child-right-interpreter = ته کولای شې د ترجمان غوښتنه وکړې.

## When you come back

child-found-title = کله چې بېرته راشې
child-found-police = پولیس به له تا سره خبرې وکړي ترڅو ډاډ ترلاسه کړي چې ته خوندي یې. د ورکېدو له امله ته ملامت نه یې.
child-found-talk =
    { $hours ->
        [one] کله چې بېرته راشې، پکار ده چې په { $hours } ساعت کې دننه تا ته له داسې چا سره د خبرو وړاندیز وشي چې ستا د اوسېدو په ځای کې کار نه کوي.
       *[other] کله چې بېرته راشې، پکار ده چې په { $hours } ساعتونو کې دننه تا ته له داسې چا سره د خبرو وړاندیز وشي چې ستا د اوسېدو په ځای کې کار نه کوي.
    }
child-found-choice = ته کولای شې هغوی ته ووایې چې څه پېښ شول او څه شی ستا سره مرسته کولای شي. ته دا خبرې رد هم کولای شې.

## An interpreter

child-interpreter-title = ترجمان
child-interpreter-what = ته هر وخت د ترجمان غوښتنه کولای شې: له پولیسو سره، له خپل ټولنیز کارکوونکي سره، ډاکټر ته د تګ پر وخت، او کله چې د تښتېدلو ماشومانو د مرستې کرښې (Runaway{"\u00A0"}Helpline) ته زنګ وهې.
child-interpreter-show = دا یو لوی کس ته وښیه:
