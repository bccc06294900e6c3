### Harbour: help for the child, Dari (prs).
### Machine-quality translation from en-GB, written 2026-11-26; not yet reviewed by a
### qualified translator. The app shows staff this status.
###
### review: machine

## The screen

child-help-title = کمک برای تو
child-help-intro = تو در دردسر نیستی. هر وقت که بخواهی، می‌توانی کمک بخواهی.
child-choose-language = زبانت را انتخاب کن
child-help-card-keep = این کارت را در یک جای مصئون نگه دار. با هر تیلفون می‌توانی به این شماره‌ها زنگ بزنی.

## The Runaway Helpline

child-runaway-name = خط کمک برای اطفال و نوجوانانی که فرار کرده‌اند (Runaway{"\u00A0"}Helpline)
child-runaway-what = به { $number } زنگ بزن یا پیام کوتاه بفرست. رایگان است، حتی اگر در تیلفونت کریدت نداشته باشی.
child-runaway-private = ضرور نیست نامت را بگویی. آنچه می‌گویی محرمانه باقی می‌ماند، مگر اینکه کسی در خطر جدی باشد.
child-runaway-message = اگر از آن‌ها بخواهی، می‌توانند از طرف تو به کسی که از تو نگهداری می‌کند یا به خانواده‌ات پیام برسانند.
child-runaway-language = اگر زنگ بزنی، می‌توانی ترجمان بخواهی. به پیام‌های کوتاه به زبان انگلیسی جواب داده می‌شود.
child-runaway-hours = هر روز از { $from } تا { $to } فعال است.
child-runaway-hours-always = هر روز، شب و روز فعال است.

## Other numbers

child-childline-name = خط تیلفون اطفال (Childline)
child-childline-what = به { $number } زنگ بزن. رایگان است. می‌توانی در باره هر چیز صحبت کنی. این خط برای همه کسانی است که کمتر از نوزده سال عمر دارند.
child-emergency-name = همین حالا در خطر هستی؟
child-emergency-what = برای پولیس یا امبولانس به { $number } یا { $alt } زنگ بزن. این تماس رایگان است.
child-police-name = پولیس، وقتی حالت عاجل نیست
child-police-what = برای صحبت کردن با پولیس به { $number } زنگ بزن.
child-slavery-name = خط کمک در مورد برده‌داری مدرن (Modern{"\u00A0"}Slavery{"\u00A0"}Helpline)
child-slavery-what = اگر کسی تو را مجبور می‌کند که کار کنی یا در جایی بمانی، به { $number } زنگ بزن. رایگان است و شب و روز فعال است.

## Your rights

child-rights-title = حقوق تو
child-right-safe = تو حق داری مصئون باشی. هیچ کس اجازه ندارد به تو آزار برساند، از تو سوءاستفاده کند یا به تو بی‌توجهی کند.
child-right-heard = تو حق داری که به گپ‌هایت گوش داده شود. بزرگسالان باید به این فکر کنند که چه چیز برایت از همه بهتر است.
child-right-not-crime = گم شدن یا فرار کردن جرم نیست. تو در دردسر نیستی.
child-right-police-see = اگر گزارش داده شده که تو گم شده‌ای، پولیس باید تو را ببیند تا مطمئن شود که مصئون هستی. می‌توانی به { $number } زنگ بزنی یا به یک ایستگاه پولیس بروی.
child-right-safe-place = اگر جایی که زندگی می‌کنی مصئون نیست، به پولیس بگو. اگر سنت کمتر از هجده سال است، خدمات اجتماعی باید برایت یک جای مصئون برای ماندن پیدا کند.
child-right-forced = اگر کسی تو را مجبور می‌کند که در جایی بمانی یا کار کنی، این کار نادرست است و احتمالاً خلاف قانون است. تو می‌توانی کمک بگیری.
child-right-no-name = می‌توانی رایگان به { $number } زنگ بزنی یا پیام کوتاه بفرستی، حتی اگر کریدت نداشته باشی. ضرور نیست نامت را بگویی.
child-right-danger = همین حالا در خطر هستی؟ به { $number } زنگ بزن.
child-right-interpreter = می‌توانی ترجمان بخواهی.

## When you come back

child-found-title = وقتی برمی‌گردی
child-found-police = پولیس با تو صحبت می‌کند تا مطمئن شود که مصئون هستی. به خاطر گم شدنت، تو در دردسر نیستی.
child-found-talk =
    { $hours ->
        [one] باید برایت پیشنهاد شود که در ظرف { $hours } ساعت بعد از برگشتنت، با کسی صحبت کنی که در جایی که زندگی می‌کنی کار نمی‌کند.
       *[other] باید برایت پیشنهاد شود که در ظرف { $hours } ساعت بعد از برگشتنت، با کسی صحبت کنی که در جایی که زندگی می‌کنی کار نمی‌کند.
    }
child-found-choice = می‌توانی برایشان بگویی که چه اتفاق افتاد و چه چیز به تو کمک می‌کند. همچنان می‌توانی این صحبت را قبول نکنی.

## An interpreter

child-interpreter-title = ترجمان
child-interpreter-what = هر وقت که بخواهی، می‌توانی ترجمان بخواهی: نزد پولیس، نزد مددکار اجتماعی‌ات، نزد داکتر، و وقتی به خط کمک برای اطفال و نوجوانانی که فرار کرده‌اند (Runaway{"\u00A0"}Helpline) زنگ می‌زنی.
child-interpreter-show = این را به یک شخص بزرگسال نشان بده:
