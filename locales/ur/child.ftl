### Harbour: help for the child, Urdu (ur).
### Machine-quality translation from en-GB, written 2026-11-26; not yet reviewed by a
### qualified translator. The app shows staff this status.
###
### review: machine

## The screen

child-help-title = تمہارے لیے مدد
child-help-intro = تم پر کوئی الزام نہیں ہے۔ تم کسی بھی وقت مدد مانگ سکتے ہو۔
child-choose-language = اپنی زبان چنو
child-help-card-keep = یہ کارڈ سنبھال کر رکھو۔ تم کسی بھی فون سے ان نمبروں پر کال کر سکتے ہو۔

## The Runaway Helpline

child-runaway-name = گھر سے بھاگنے والے بچوں کی ہیلپ لائن (Runaway{"\u00A0"}Helpline)
child-runaway-what = { $number } پر کال کرو یا ٹیکسٹ میسج بھیجو۔ یہ مفت ہے، چاہے تمہارے فون میں بیلنس نہ ہو۔
child-runaway-private = تمہیں اپنا نام بتانے کی ضرورت نہیں۔ تمہاری باتیں راز میں رہیں گی، سوائے اس صورت کے کہ کوئی شدید خطرے میں ہو۔
child-runaway-message = اگر تم کہو تو وہ تمہاری طرف سے تمہاری دیکھ بھال کرنے والے یا تمہارے گھر والوں کو پیغام پہنچا سکتے ہیں۔
child-runaway-language = اگر تم فون کرو تو مترجم مانگ سکتے ہو۔ ٹیکسٹ میسج کا جواب انگریزی میں دیا جاتا ہے۔
child-runaway-hours = ہر روز { $from } سے { $to } تک کھلی رہتی ہے۔
child-runaway-hours-always = ہر روز، دن رات کھلی رہتی ہے۔

## Other numbers

child-childline-name = بچوں کی ہیلپ لائن (Childline)
child-childline-what = { $number } پر مفت کال کرو۔ تم کسی بھی بارے میں بات کر سکتے ہو۔ یہ انیس سال سے کم عمر کے ہر فرد کے لیے ہے۔
child-emergency-name = ابھی خطرے میں ہو؟
child-emergency-what = پولیس یا ایمبولینس کے لیے { $number } یا { $alt } پر کال کرو۔ کال مفت ہے۔
child-police-name = پولیس، جب ایمرجنسی نہ ہو
child-police-what = پولیس سے بات کرنے کے لیے { $number } پر کال کرو۔
child-slavery-name = جدید غلامی کے خلاف ہیلپ لائن (Modern{"\u00A0"}Slavery{"\u00A0"}Helpline)
child-slavery-what = اگر کوئی تم سے زبردستی کام کروا رہا ہے یا تمہیں کسی جگہ رہنے پر مجبور کر رہا ہے تو { $number } پر کال کرو۔ یہ مفت ہے اور دن رات کھلی رہتی ہے۔

## Your rights

child-rights-title = تمہارے حقوق
child-right-safe = تمہیں محفوظ رہنے کا حق ہے۔ کسی کو اجازت نہیں کہ تمہیں تکلیف پہنچائے، تم سے ناجائز فائدہ اٹھائے یا تمہیں نظرانداز کرے۔
child-right-heard = تمہیں یہ حق ہے کہ تمہاری بات سنی جائے۔ بڑوں پر لازم ہے کہ وہ سوچیں کہ تمہارے لیے سب سے اچھا کیا ہے۔
child-right-not-crime = لاپتا ہونا یا بھاگ جانا جرم نہیں ہے۔ تم پر کوئی الزام نہیں ہے۔
child-right-police-see = اگر تمہارے لاپتا ہونے کی رپورٹ درج کی گئی ہے تو پولیس کو تم سے ملنا ضروری ہے تاکہ وہ دیکھ سکے کہ تم محفوظ ہو۔ تم { $number } پر کال کر سکتے ہو یا کسی پولیس اسٹیشن جا سکتے ہو۔
child-right-safe-place = اگر تمہاری رہنے کی جگہ محفوظ نہیں ہے تو پولیس کو بتاؤ۔ اگر تمہاری عمر اٹھارہ سال سے کم ہے تو سوشل سروسز پر لازم ہے کہ تمہارے رہنے کے لیے کوئی محفوظ جگہ ڈھونڈیں۔
child-right-forced = اگر کوئی تمہیں کسی جگہ رہنے پر یا کام کرنے پر مجبور کر رہا ہے تو یہ غلط ہے اور غالباً قانون کے خلاف بھی ہے۔ تمہیں مدد مل سکتی ہے۔
child-right-no-name = تم { $number } پر مفت کال یا ٹیکسٹ میسج کر سکتے ہو، بیلنس نہ ہو تب بھی۔ تمہیں اپنا نام بتانے کی ضرورت نہیں۔
child-right-danger = ابھی خطرے میں ہو؟ { $number } پر کال کرو۔
child-right-interpreter = تم مترجم مانگ سکتے ہو۔

## When you come back

child-found-title = جب تم واپس آؤ
child-found-police = پولیس تم سے بات کرے گی تاکہ وہ دیکھ سکے کہ تم محفوظ ہو۔ لاپتا ہونے کی وجہ سے تم پر کوئی الزام نہیں ہے۔
child-found-talk =
    { $hours ->
        [one] واپس آنے کے { $hours } گھنٹے کے اندر تمہیں کسی ایسے شخص سے بات کرنے کا موقع دیا جانا چاہیے جو تمہاری رہنے کی جگہ پر کام نہیں کرتا۔
       *[other] واپس آنے کے { $hours } گھنٹوں کے اندر تمہیں کسی ایسے شخص سے بات کرنے کا موقع دیا جانا چاہیے جو تمہاری رہنے کی جگہ پر کام نہیں کرتا۔
    }
child-found-choice = تم انہیں بتا سکتے ہو کہ کیا ہوا اور کس چیز سے تمہیں مدد ملے گی۔ تم اس بات چیت سے انکار بھی کر سکتے ہو۔

## An interpreter

child-interpreter-title = مترجم
child-interpreter-what = تم کسی بھی وقت مترجم مانگ سکتے ہو: پولیس کے ساتھ، اپنے سوشل ورکر کے ساتھ، ڈاکٹر کے پاس، اور جب تم گھر سے بھاگنے والے بچوں کی ہیلپ لائن (Runaway{"\u00A0"}Helpline) کو فون کرو۔
child-interpreter-show = یہ کسی بڑے کو دکھاؤ:
