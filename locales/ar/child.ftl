### Harbour: help for the child, Arabic (ar).
### Machine-quality translation from en-GB, written 2026-11-26; not yet reviewed by a
### qualified translator. The app shows staff this status.
###
### review: machine

## The screen

child-help-title = مساعدة لك
child-help-intro = أنت لست في ورطة. يمكنك طلب المساعدة في أي وقت.
child-choose-language = اختر لغتك
child-help-card-keep = احتفظ بهذه البطاقة في مكان آمن. يمكنك الاتصال بهذه الأرقام من أي هاتف.

## The Runaway Helpline

child-runaway-name = خط المساعدة للهاربين (Runaway{"\u00A0"}Helpline)
child-runaway-what = اتصل أو أرسل رسالة نصية إلى الرقم { $number }. الخدمة مجانية، حتى لو لم يكن في هاتفك رصيد.
child-runaway-private = ليس عليك ذكر اسمك. كلامك يبقى سرًّا، إلا إذا كان أحدٌ في خطر شديد.
child-runaway-message = إذا طلبت ذلك، يمكنهم إيصال رسالة منك إلى الشخص الذي يرعاك أو إلى عائلتك.
child-runaway-language = إذا اتصلت هاتفيًا، يمكنك طلب مترجم. أما الرسائل النصية فيُرَدّ عليها باللغة الإنجليزية.
child-runaway-hours = يعمل الخط كل يوم من { $from } إلى { $to }.
child-runaway-hours-always = يعمل الخط ليلًا ونهارًا، كل يوم.

## Other numbers

child-childline-name = خط مساعدة الأطفال (Childline)
child-childline-what = اتصل بالرقم { $number } مجانًا. يمكنك الحديث عن أي شيء. هذا الخط لكل من هو دون التاسعة عشرة من العمر.
child-emergency-name = هل أنت في خطر الآن؟
child-emergency-what = اتصل بالرقم { $number } أو { $alt } لطلب الشرطة أو سيارة الإسعاف. المكالمة مجانية.
child-police-name = الشرطة، في غير حالات الطوارئ
child-police-what = اتصل بالرقم { $number } للتحدث مع الشرطة.
child-slavery-name = خط المساعدة لمكافحة العبودية الحديثة (Modern{"\u00A0"}Slavery{"\u00A0"}Helpline)
child-slavery-what = إذا كان أحدٌ يجبرك على العمل أو على البقاء في مكان ما، اتصل بالرقم { $number }. الاتصال مجاني، والخط يعمل ليلًا ونهارًا.

## Your rights

child-rights-title = حقوقك
child-right-safe = لك الحق في الأمان. لا يُسمح لأي أحد بأن يؤذيك أو يستغلك أو يهملك.
child-right-heard = لك الحق في أن يُستمَع إليك. يجب على الكبار أن يفكروا فيما هو الأفضل لك.
child-right-not-crime = الاختفاء أو الهروب ليس جريمة. أنت لست في ورطة.
child-right-police-see = إذا أُبلغت الشرطة باختفائك، فهي تحتاج إلى رؤيتك لتتأكد أنك في أمان. يمكنك الاتصال بالرقم { $number } أو الذهاب إلى مركز شرطة.
child-right-safe-place = إذا لم يكن مكان سكنك آمنًا، أخبر الشرطة. إذا كان عمرك دون الثامنة عشرة، يجب على الخدمات الاجتماعية أن تجد لك مكانًا آمنًا للإقامة.
child-right-forced = إذا كان أحدٌ يجبرك على البقاء في مكان ما أو على العمل، فهذا خطأ، وهو على الأرجح مخالف للقانون. يمكنك الحصول على المساعدة.
child-right-no-name = يمكنك الاتصال أو إرسال رسالة نصية إلى الرقم { $number } مجانًا، حتى بدون رصيد. ليس عليك ذكر اسمك.
child-right-danger = هل أنت في خطر الآن؟ اتصل بالرقم { $number }.
child-right-interpreter = يمكنك طلب مترجم.

## When you come back

child-found-title = عند عودتك
child-found-police = ستتحدث الشرطة معك لتتأكد أنك في أمان. أنت لست في ورطة بسبب اختفائك.
child-found-talk =
    { $hours ->
        [zero] خلال { $hours } ساعة من عودتك، ينبغي أن تُعرض عليك فرصة للحديث مع شخص لا يعمل في مكان سكنك.
        [one] خلال ساعة واحدة من عودتك، ينبغي أن تُعرض عليك فرصة للحديث مع شخص لا يعمل في مكان سكنك.
        [two] خلال ساعتين من عودتك، ينبغي أن تُعرض عليك فرصة للحديث مع شخص لا يعمل في مكان سكنك.
        [few] خلال { $hours } ساعات من عودتك، ينبغي أن تُعرض عليك فرصة للحديث مع شخص لا يعمل في مكان سكنك.
        [many] خلال { $hours } ساعةً من عودتك، ينبغي أن تُعرض عليك فرصة للحديث مع شخص لا يعمل في مكان سكنك.
       *[other] خلال { $hours } ساعةٍ من عودتك، ينبغي أن تُعرض عليك فرصة للحديث مع شخص لا يعمل في مكان سكنك.
    }
child-found-choice = يمكنك إخبارهم بما حدث وبما قد يساعدك. ويمكنك أيضًا رفض هذا الحديث.

## An interpreter

child-interpreter-title = مترجم
child-interpreter-what = يمكنك طلب مترجم في أي وقت: مع الشرطة، ومع الأخصائي الاجتماعي الخاص بك، وعند الطبيب، وعند الاتصال بخط المساعدة للهاربين (Runaway{"\u00A0"}Helpline).
child-interpreter-show = اعرض هذا على شخص بالغ:
