### Harbour: help for the child, Persian (fa).
### Machine-quality translation from en-GB, written 2026-11-26; not yet reviewed by a
### qualified translator. The app shows staff this status.
###
### review: machine

## The screen

child-help-title = کمک برای تو
child-help-intro = تو به خاطر ناپدید شدن در دردسر نیستی. هر وقت بخواهی، می‌توانی کمک بخواهی.
child-choose-language = زبانت را انتخاب کن
child-help-card-keep = این کارت را جای امنی نگه دار. با هر تلفنی می‌توانی به این شماره‌ها زنگ بزنی.

## The Runaway Helpline

child-runaway-name = خط کمک برای بچه‌هایی که فرار کرده‌اند (Runaway{"\u00A0"}Helpline)
child-runaway-what = به { $number } زنگ بزن یا پیامک بفرست. رایگان است، حتی اگر اعتبار (شارژ) سیم‌کارتت تمام شده باشد.
child-runaway-private = لازم نیست اسمت را بگویی. حرف‌هایت محرمانه می‌ماند، مگر اینکه کسی در خطر جدی باشد.
child-runaway-message = اگر از آن‌ها بخواهی، می‌توانند از طرف تو برای کسی که از تو مراقبت می‌کند یا برای خانواده‌ات پیغام بفرستند.
child-runaway-language = اگر زنگ بزنی، می‌توانی مترجم بخواهی. پیامک‌ها به زبان انگلیسی جواب داده می‌شوند.
child-runaway-hours = هر روز از { $from } تا { $to } باز است.
child-runaway-hours-always = هر روز، شب و روز باز است.

## Other numbers

child-childline-name = خط تلفن کودکان (Childline)
child-childline-what = به { $number } زنگ بزن. رایگان است. می‌توانی درباره‌ی هر چیزی حرف بزنی. این خط برای هر کسی است که کمتر از نوزده سال دارد.
child-emergency-name = همین الان در خطر هستی؟
child-emergency-what = برای پلیس یا آمبولانس به { $number } یا { $alt } زنگ بزن. این تماس رایگان است.
child-police-name = پلیس، وقتی موضوع فوری نیست
child-police-what = برای حرف زدن با پلیس به { $number } زنگ بزن.
child-slavery-name = خط کمک برای برده‌داری مدرن (Modern{"\u00A0"}Slavery{"\u00A0"}Helpline)
child-slavery-what = اگر کسی تو را مجبور می‌کند کار کنی یا جایی بمانی، به { $number } زنگ بزن. رایگان است و شب و روز باز است.

## Your rights

child-rights-title = حقوق تو
child-right-safe = تو حق داری در امان باشی. هیچ‌کس اجازه ندارد به تو آسیب بزند، از تو سوءاستفاده کند یا به تو بی‌توجهی کند.
child-right-heard = تو حق داری که به حرف‌هایت گوش بدهند. بزرگ‌ترها باید به این فکر کنند که چه چیزی برای تو بهترین است.
child-right-not-crime = ناپدید شدن یا فرار کردن جرم نیست. تو به خاطر ناپدید شدن در دردسر نیستی.
child-right-police-see = اگر گزارش داده‌اند که ناپدید شده‌ای، پلیس باید تو را ببیند تا مطمئن شود که در امان هستی. می‌توانی به { $number } زنگ بزنی یا به یک ایستگاه پلیس بروی.
child-right-safe-place = اگر جایی که زندگی می‌کنی امن نیست، به پلیس بگو. اگر کمتر از هجده سال داری، خدمات اجتماعی باید یک جای امن برای ماندنت پیدا کنند.
child-right-forced = اگر کسی تو را مجبور می‌کند جایی بمانی یا کار کنی، این کار اشتباه است و احتمالاً خلاف قانون است. تو می‌توانی کمک بگیری.
child-right-no-name = می‌توانی رایگان به { $number } زنگ بزنی یا پیامک بفرستی، حتی اگر اعتبار (شارژ) سیم‌کارتت تمام شده باشد. لازم نیست اسمت را بگویی.
child-right-danger = همین الان در خطر هستی؟ به { $number } زنگ بزن.
child-right-interpreter = می‌توانی مترجم بخواهی.

## When you come back

child-found-title = وقتی برمی‌گردی
child-found-police = پلیس با تو حرف می‌زند تا مطمئن شود که در امان هستی. تو به خاطر ناپدید شدن در دردسر نیستی.
child-found-talk =
    { $home ->
        [foster_home]
            { $hours ->
                [one] باید به تو پیشنهاد بدهند که تا { $hours } ساعت بعد از برگشتنت، با کسی حرف بزنی که یکی از مراقبانت نیست.
               *[other] باید به تو پیشنهاد بدهند که تا { $hours } ساعت بعد از برگشتنت، با کسی حرف بزنی که یکی از مراقبانت نیست.
            }
       *[other]
            { $hours ->
                [one] باید به تو پیشنهاد بدهند که تا { $hours } ساعت بعد از برگشتنت، با کسی حرف بزنی که در جایی که زندگی می‌کنی کار نمی‌کند.
               *[other] باید به تو پیشنهاد بدهند که تا { $hours } ساعت بعد از برگشتنت، با کسی حرف بزنی که در جایی که زندگی می‌کنی کار نمی‌کند.
            }
    }
child-found-choice = می‌توانی به آن‌ها بگویی چه اتفاقی افتاد و چه چیزی به تو کمک می‌کند. همچنین می‌توانی به این گفتگو نه بگویی.

## An interpreter

child-interpreter-title = مترجم
child-interpreter-what = هر وقت بخواهی، می‌توانی مترجم بخواهی: پیش پلیس، پیش مددکار اجتماعی‌ات، پیش دکتر، و وقتی به خط کمک برای بچه‌هایی که فرار کرده‌اند (Runaway{"\u00A0"}Helpline) زنگ می‌زنی.
child-interpreter-show = این را به یک بزرگسال نشان بده:
