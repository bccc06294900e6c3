### Harbour: help for the child, Albanian (sq).
### Machine-quality translation from en-GB, written 2026-11-26; not yet reviewed by a
### qualified translator. The app shows staff this status.
###
### review: machine

## The screen

child-help-title = Ndihmë për ty
child-help-intro = Nuk je në telashe për shkak se u zhduke. Mund të kërkosh ndihmë në çdo kohë.
child-choose-language = Zgjidh gjuhën tënde
child-help-card-keep = Ruaje këtë kartë në një vend të sigurt. Mund t'i telefonosh këta numra nga çdo telefon.

## The Runaway Helpline

child-runaway-name = Linja e ndihmës për fëmijët që ikin (Runaway{"\u00A0"}Helpline)
child-runaway-what = Telefono ose dërgo mesazh në numrin { $number }. Është falas, edhe nëse nuk ke kredit në telefon.
child-runaway-private = Nuk është e detyrueshme të thuash emrin tënd. Ajo që thua mbetet private, përveç rastit kur dikush është në rrezik serioz.
child-runaway-message = Nëse e kërkon, ata mund t'i çojnë një mesazh kujdestarit tënd ose familjes sate për ty.
child-runaway-language = Nëse telefonon, mund të kërkosh një përkthyes. Mesazheve me shkrim u përgjigjen në anglisht.
child-runaway-hours = Hapur çdo ditë nga { $from } deri në { $to }.
child-runaway-hours-always = Hapur ditë e natë, çdo ditë.

## Other numbers

child-childline-name = Linja e ndihmës për fëmijët (Childline)
child-childline-what = Telefono falas në numrin { $number }. Mund të flasësh për çdo gjë. Është për këdo nën nëntëmbëdhjetë vjeç.
child-emergency-name = Je në rrezik tani?
child-emergency-what = Telefono në numrin { $number } ose { $alt } për policinë ose për ambulancën. Telefonata është falas.
child-police-name = Policia, kur nuk është urgjencë
child-police-what = Telefono në numrin { $number } për të folur me policinë.
child-slavery-name = Linja e ndihmës kundër skllavërisë moderne (Modern{"\u00A0"}Slavery{"\u00A0"}Helpline)
child-slavery-what = Nëse dikush po të detyron të punosh ose po të detyron të qëndrosh diku, telefono në numrin { $number }. Është falas dhe e hapur ditë e natë.

## Your rights

child-rights-title = Të drejtat e tua
child-right-safe = Ke të drejtë të jesh në siguri. Askush nuk lejohet të të lëndojë, të të shfrytëzojë ose të të lërë pas dore.
child-right-heard = Ke të drejtë që të të dëgjojnë. Të rriturit duhet të mendojnë se çfarë është më e mira për ty.
child-right-not-crime = Të zhdukesh ose të ikësh nuk është krim. Nuk je në telashe për shkak se u zhduke.
child-right-police-see = Nëse është njoftuar zhdukja jote, policia duhet të të shohë për të kontrolluar që je në siguri. Mund të telefonosh në numrin { $number } ose të shkosh në një komisariat policie.
child-right-safe-place = Nëse nuk është e sigurt aty ku jeton, thuaja policisë. Nëse je nën tetëmbëdhjetë vjeç, shërbimet sociale duhet të të gjejnë një vend të sigurt për të qëndruar.
child-right-forced = Nëse dikush po të detyron të qëndrosh diku ose po të detyron të punosh, kjo është e gabuar dhe ndoshta në kundërshtim me ligjin. Mund të marrësh ndihmë.
child-right-no-name = Mund të telefonosh ose të dërgosh mesazh falas në numrin { $number }, edhe pa kredit. Nuk është e detyrueshme të thuash emrin tënd.
child-right-danger = Je në rrezik tani? Telefono në numrin { $number }.
child-right-interpreter = Mund të kërkosh një përkthyes.

## When you come back

child-found-title = Kur kthehesh
child-found-police = Policia do të flasë me ty për të kontrolluar që je në siguri. Nuk je në telashe për shkak se u zhduke.
child-found-talk =
    { $home ->
        [foster_home]
            { $hours ->
                [one] Duhet të të ofrohet një bisedë me dikë që nuk është një nga kujdestarët e tu, brenda { $hours } ore pas kthimit.
               *[other] Duhet të të ofrohet një bisedë me dikë që nuk është një nga kujdestarët e tu, brenda { $hours } orëve pas kthimit.
            }
       *[other]
            { $hours ->
                [one] Duhet të të ofrohet një bisedë me dikë që nuk punon aty ku jeton, brenda { $hours } ore pas kthimit.
               *[other] Duhet të të ofrohet një bisedë me dikë që nuk punon aty ku jeton, brenda { $hours } orëve pas kthimit.
            }
    }
child-found-choice = Mund t'u tregosh se çfarë ndodhi dhe çfarë do të të ndihmonte. Mund edhe ta refuzosh këtë bisedë.

## An interpreter

child-interpreter-title = Një përkthyes
child-interpreter-what = Mund të kërkosh një përkthyes në çdo kohë: me policinë, me punonjësin tënd social, te mjeku dhe kur telefonon Linjën e ndihmës për fëmijët që ikin (Runaway{"\u00A0"}Helpline).
child-interpreter-show = Tregoja këtë një të rrituri:
