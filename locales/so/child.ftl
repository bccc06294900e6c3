### Harbour: help for the child, Somali (so).
### Machine-quality translation from en-GB, written 2026-11-26; not yet reviewed by a
### qualified translator. The app shows staff this status.
###
### review: machine

## The screen

child-help-title = Caawimaad adiga kuu ah
child-help-intro = Dhibaato kuma jirtid sababtoo ah inaad maqnayd. Waqti kasta waxaad weydiisan kartaa caawimaad.
child-choose-language = Dooro luqaddaada
child-help-card-keep = Kaarkan meel ammaan ah ku hay. Lambarradan waxaad ka wici kartaa taleefan kasta.

## The Runaway Helpline

child-runaway-name = Khadka Caawimaadda Carruurta Guriga ka Carara (Runaway{"\u00A0"}Helpline)
child-runaway-what = Wac ama fariin qoraal ah u dir { $number }. Waa bilaash, xitaa haddii aysan lacagi ku jirin taleefankaaga.
child-runaway-private = Uma baahnid inaad magacaaga sheegto. Waxa aad sheegto waa sir, marka laga reebo haddii qof khatar weyn ku jiro.
child-runaway-message = Haddii aad codsato, waxay kuu gaarsiin karaan fariin qofka ku xannaaneeya ama qoyskaaga.
child-runaway-language = Haddii aad wacdo, waxaad codsan kartaa turjubaan. Fariimaha qoraalka ah waxaa looga jawaabaa Ingiriisi.
child-runaway-hours = Maalin kasta waa furan yahay, laga bilaabo { $from } ilaa { $to }.
child-runaway-hours-always = Waa furan yahay habeen iyo maalin, maalin kasta.

## Other numbers

child-childline-name = Khadka Caawimaadda Carruurta (Childline)
child-childline-what = Si bilaash ah u wac { $number }. Wax kasta waad ka hadli kartaa. Waxaa loogu talagalay qof kasta oo da'diisu ka yar tahay sagaal iyo toban sano.
child-emergency-name = Hadda khatar ma ku jirtaa?
child-emergency-what = Wac { $number } ama { $alt } si aad u hesho booliska ama ambalaas. Wicitaanku waa bilaash.
child-police-name = Booliska, marka aysan ahayn xaalad degdeg ah
child-police-what = Wac { $number } si aad ula hadasho booliska.
child-slavery-name = Khadka Caawimaadda Addoonsiga Casriga ah (Modern{"\u00A0"}Slavery{"\u00A0"}Helpline)
child-slavery-what = Haddii qof kugu qasbayo inaad shaqayso ama inaad meel joogto, wac { $number }. Waa bilaash, waana furan yahay habeen iyo maalin.

## Your rights

child-rights-title = Xuquuqdaada
child-right-safe = Waxaad xaq u leedahay inaad ammaan ku jirto. Qofna looma oggola inuu wax ku yeelo, kaa faa'iidaysto ama ku dayaco.
child-right-heard = Waxaad xaq u leedahay in lagu dhegaysto. Dadka waaweyni waa inay ka fikiraan waxa adiga kuugu fiican.
child-right-not-crime = Inaad maqnaato ama aad cararto dembi maaha. Dhibaato kuma jirtid sababtoo ah inaad maqnayd.
child-right-police-see = Haddii booliska loo sheegay inaad maqan tahay, booliisku waxay u baahan yihiin inay ku arkaan si ay u hubiyaan inaad ammaan tahay. Waxaad wici kartaa { $number } ama waxaad tagi kartaa saldhigga booliska.
child-right-safe-place = Haddii meesha aad ku nooshahay aysan ammaan ahayn, u sheeg booliska. Haddii aad ka yar tahay siddeed iyo toban sano, adeegyada bulshada waa inay kuu helaan meel ammaan ah oo aad joogto.
child-right-forced = Haddii qof kugu qasbayo inaad meel joogto ama inaad shaqayso, taasi waa khalad, waxayna u badan tahay inay sharci-darro tahay. Waxaad heli kartaa caawimaad.
child-right-no-name = Waxaad si bilaash ah u wici kartaa ama fariin qoraal ah u diri kartaa { $number }, xitaa haddii aysan lacagi ku jirin taleefankaaga. Uma baahnid inaad magacaaga sheegto.
child-right-danger = Hadda khatar ma ku jirtaa? Wac { $number }.
child-right-interpreter = Waxaad codsan kartaa turjubaan.

## When you come back

child-found-title = Marka aad soo noqoto
child-found-police = Booliisku waxay kula hadli doonaan si ay u hubiyaan inaad ammaan tahay. Dhibaato kuma jirtid sababtoo ah inaad maqnayd.
child-found-talk =
    { $home ->
        [foster_home]
            { $hours ->
                [one] Marka aad soo noqoto kadib, { $hours } saacad gudaheed, waa in lagu siiyaa fursad aad la hadasho qof aan ka mid ahayn dadka ku xannaaneeya.
               *[other] Marka aad soo noqoto kadib, { $hours } saacadood gudahood, waa in lagu siiyaa fursad aad la hadasho qof aan ka mid ahayn dadka ku xannaaneeya.
            }
       *[other]
            { $hours ->
                [one] Marka aad soo noqoto kadib, { $hours } saacad gudaheed, waa in lagu siiyaa fursad aad la hadasho qof aan ka shaqayn meesha aad ku nooshahay.
               *[other] Marka aad soo noqoto kadib, { $hours } saacadood gudahood, waa in lagu siiyaa fursad aad la hadasho qof aan ka shaqayn meesha aad ku nooshahay.
            }
    }
child-found-choice = Waxaad u sheegi kartaa waxa dhacay iyo waxa ku caawin lahaa. Sidoo kale waad diidi kartaa wada-hadalkan.

## An interpreter

child-interpreter-title = Turjubaan
child-interpreter-what = Waxaad codsan kartaa turjubaan waqti kasta: marka aad la hadlayso booliska, shaqaalahaaga bulshada ama dhakhtarka, iyo marka aad wacdo Khadka Caawimaadda Carruurta Guriga ka Carara (Runaway{"\u00A0"}Helpline).
child-interpreter-show = Tan u tus qof weyn:
