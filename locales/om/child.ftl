### Harbour: help for the child, Oromo (om).
### Machine-quality translation from en-GB, written 2026-11-26; not yet reviewed by a
### qualified translator. The app shows staff this status.
###
### review: machine

## The screen

child-help-title = Gargaarsa siif
child-help-intro = Ati waan baddeef rakkoo keessa hin jirtu. Yeroo kamiyyuu gargaarsa gaafachuu ni dandeessa.
child-choose-language = Afaan kee filadhu
child-help-card-keep = Kaardii kana bakka nagaa ta'etti kaa'i. Bilbila kamiinuu lakkoofsota kanatti bilbiluu ni dandeessa.

## The Runaway Helpline

child-runaway-name = Bilbila Gargaarsaa Ijoollee Mana Irraa Baqataniif (Runaway{"\u00A0"}Helpline)
child-runaway-what = { $number } irratti bilbili yookiin ergaa barreeffamaa ergi. Kaffaltii hin qabu, yoo bilbila kee irra qarshiin hin jirre illee.
child-runaway-private = Maqaa kee himuu hin barbaachisu. Wanti ati dubbattu iccitiidhaan eegama, yoo namni tokko balaa guddaa keessa jiraate malee.
child-runaway-message = Yoo gaafatte, isaan ergaa kee nama si kunuunsutti yookiin maatii keetti siif dabarsuu ni danda'u.
child-runaway-language = Yoo bilbilte, turjumaana gaafachuu ni dandeessa. Ergaa barreeffamaaf deebiin Afaan Ingiliziitiin kennama.
child-runaway-hours = Guyyaa hundumaa { $from } irraa hanga { $to } banaa dha.
child-runaway-hours-always = Guyyaa fi halkan, guyyaa hundumaa banaa dha.

## Other numbers

child-childline-name = Bilbila Gargaarsaa Ijoollee (Childline)
child-childline-what = Kaffaltii malee { $number } irratti bilbili. Waa'ee waan kamiyyuu dubbachuu ni dandeessa. Nama umuriin isaa waggaa kudha sagal gadi ta'e kamiifuu dha.
child-emergency-name = Amma balaa keessa jirtaa?
child-emergency-what = Poolisii yookiin ambulaansii argachuuf { $number } yookiin { $alt } irratti bilbili. Bilbilli kun kaffaltii hin qabu.
child-police-name = Poolisii, yeroo balaa ariifachiisaa hin taane
child-police-what = Poolisii dubbisuuf { $number } irratti bilbili.
child-slavery-name = Bilbila Gargaarsaa Garbummaa Ammayyaa (Modern{"\u00A0"}Slavery{"\u00A0"}Helpline)
child-slavery-what = Yoo namni tokko dirqamaan si hojjachiise yookiin bakka tokkotti si turse, { $number } irratti bilbili. Kaffaltii hin qabu, guyyaa fi halkan banaa dha.

## Your rights

child-rights-title = Mirgoota kee
child-right-safe = Nagaadhaan jiraachuuf mirga qabda. Namni kamiyyuu si miidhuuf, sitti fayyadamuuf yookiin si kunuunsuu dhiisuuf hayyama hin qabu.
child-right-heard = Dubbiin kee akka dhagahamu mirga qabda. Namoonni gurguddoon waan siif caalaa gaarii ta'e yaaduu qabu.
child-right-not-crime = Baduun yookiin mana irraa baqachuun yakka miti. Ati waan baddeef rakkoo keessa hin jirtu.
child-right-police-see = Yoo akka ati badde poolisiitti gabaafame, poolisiin akka ati nagaa jirtu mirkaneeffachuuf si arguu qaba. { $number } irratti bilbiluu yookiin buufata poolisii deemuu ni dandeessa.
child-right-safe-place = Yoo bakki ati jiraattu nagaa hin taane, poolisiitti himi. Yoo umuriin kee waggaa kudha saddeet gadi ta'e, tajaajilli hawaasummaa bakka nagaa ati itti turtu siif argachuu qaba.
child-right-forced = Yoo namni tokko dirqamaan bakka tokkotti si turse yookiin si hojjachiise, sun sirrii miti, akkasumas tarii seeraan ala ta'a. Gargaarsa argachuu ni dandeessa.
child-right-no-name = Yoo bilbila kee irra qarshiin hin jirre illee, { $number } irratti kaffaltii malee bilbiluu yookiin ergaa barreeffamaa erguu ni dandeessa. Maqaa kee himuu hin barbaachisu.
child-right-danger = Amma balaa keessa jirtaa? { $number } irratti bilbili.
child-right-interpreter = Turjumaana gaafachuu ni dandeessa.

## When you come back

child-found-title = Yeroo ati deebitu
child-found-police = Poolisiin akka ati nagaa jirtu mirkaneeffachuuf si wajjin ni haasa'a. Waan baddeef rakkoo keessa hin jirtu.
child-found-talk =
    { $home ->
        [foster_home]
            { $hours ->
                [one] Erga deebitee booda sa'aa { $hours } keessatti, nama warra si kunuunsan keessaa hin taane wajjin haasa'uuf carraan siif dhiyaachuu qaba.
               *[other] Erga deebitee booda sa'aa { $hours } keessatti, nama warra si kunuunsan keessaa hin taane wajjin haasa'uuf carraan siif dhiyaachuu qaba.
            }
       *[other]
            { $hours ->
                [one] Erga deebitee booda sa'aa { $hours } keessatti, nama bakka ati jiraattutti hin hojjanne wajjin haasa'uuf carraan siif dhiyaachuu qaba.
               *[other] Erga deebitee booda sa'aa { $hours } keessatti, nama bakka ati jiraattutti hin hojjanne wajjin haasa'uuf carraan siif dhiyaachuu qaba.
            }
    }
child-found-choice = Waan ta'e fi waan si gargaaru isaanitti himuu ni dandeessa. Haasaa kana diduus ni dandeessa.

## An interpreter

child-interpreter-title = Turjumaana
child-interpreter-what = Yeroo kamiyyuu turjumaana gaafachuu ni dandeessa: poolisii biratti, hojjataa hawaasummaa kee biratti, doktora biratti, akkasumas yeroo Bilbila Gargaarsaa Ijoollee Mana Irraa Baqataniif (Runaway{"\u00A0"}Helpline) bilbiltu.
child-interpreter-show = Kana nama guddaa tokkotti agarsiisi:
