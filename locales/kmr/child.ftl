### Harbour: help for the child, Northern Kurdish / Kurmanji (kmr).
### Machine-quality translation from en-GB, written 2026-11-26; not yet reviewed by a
### qualified translator. The app shows staff this status.
###
### review: machine

## The screen

child-help-title = Alîkarî ji bo te
child-help-intro = Ji ber ku tu winda bûyî, tu ne di tengasiyê de yî. Tu dikarî her dem alîkariyê bixwazî.
child-choose-language = Zimanê xwe hilbijêre
child-help-card-keep = Vê kartê li cihekî ewle biparêze. Tu dikarî ji her telefonekê li van hejmaran bigerî.

## The Runaway Helpline

child-runaway-name = Xeta alîkariyê ji bo zarokên ku direvin (Runaway{"\u00A0"}Helpline)
child-runaway-what = Li hejmara { $number } bigere an jî peyamekê bişîne. Belaş e, heke di telefona te de kredî tune be jî.
child-runaway-private = Ne mecbûr î ku navê xwe bibêjî. Tiştên ku tu dibêjî nepenî dimînin, ji bilî dema ku kesek di xetereyeke giran de be.
child-runaway-message = Heke tu bixwazî, ew dikarin ji bo te peyamekê bigihînin kesê ku li te dinêre an malbata te.
child-runaway-language = Heke tu telefon bikî, tu dikarî wergêrekî bixwazî. Bersiva peyamên nivîskî bi Îngilîzî tê dayîn.
child-runaway-hours = Her roj ji { $from } heta { $to } vekirî ye.
child-runaway-hours-always = Her roj, bi şev û bi roj vekirî ye.

## Other numbers

child-childline-name = Xeta alîkariyê ya zarokan (Childline)
child-childline-what = Belaş li hejmara { $number } bigere. Tu dikarî li ser her tiştî biaxivî. Ew ji bo her kesê ku ji nozdeh salî biçûktir e.
child-emergency-name = Niha di xeterê de yî?
child-emergency-what = Ji bo polîs an ambulansê li hejmara { $number } an { $alt } bigere. Telefonkirin belaş e.
child-police-name = Polîs, dema ku rewş ne acîl be
child-police-what = Ji bo ku tu bi polîs re biaxivî, li hejmara { $number } bigere.
child-slavery-name = Xeta alîkariyê li dijî koletiya nûjen (Modern{"\u00A0"}Slavery{"\u00A0"}Helpline)
child-slavery-what = Heke kesek te neçar dike ku bixebitî an li cihekî bimînî, li hejmara { $number } bigere. Belaş e û bi şev û bi roj vekirî ye.

## Your rights

child-rights-title = Mafên te
child-right-safe = Mafê te heye ku tu ewle bî. Destûr nîne ku kes zirarê bide te, te bi kar bîne an te paşguh bike.
child-right-heard = Mafê te heye ku guh li te bê girtin. Divê kesên mezin li ser tiştê ku ji bo te herî baş e bifikirin.
child-right-not-crime = Windabûn an revîn ne sûc e. Ji ber ku tu winda bûyî, tu ne di tengasiyê de yî.
child-right-police-see = Heke windabûna te hatibe ragihandin, divê polîs te bibîne da ku kontrol bike ka tu ewle yî. Tu dikarî li hejmara { $number } bigerî an biçî qereqola polîsan.
child-right-safe-place = Heke cihê ku tu lê dijî ne ewle be, ji polîs re bibêje. Heke tu ji hejdeh salî biçûktir î, divê xizmetên civakî cihekî ewle ji bo te bibînin ku tu lê bimînî.
child-right-forced = Heke kesek te neçar dike ku li cihekî bimînî an bixebitî, ev şaş e û belkî li dijî qanûnê ye. Tu dikarî alîkariyê bistînî.
child-right-no-name = Tu dikarî belaş li hejmara { $number } bigerî an peyamekê bişînî, bêyî kredî jî. Ne mecbûr î ku navê xwe bibêjî.
child-right-danger = Niha di xeterê de yî? Li hejmara { $number } bigere.
child-right-interpreter = Tu dikarî wergêrekî bixwazî.

## When you come back

child-found-title = Dema ku tu vegerî
child-found-police = Polîs wê bi te re biaxive da ku kontrol bike ka tu ewle yî. Ji ber ku tu winda bûyî, tu ne di tengasiyê de yî.
child-found-talk =
    { $home ->
        [foster_home]
            { $hours ->
                [one] Divê di nav { $hours } saetê de piştî vegera te, axaftinek bi kesekî re ku ne ji wan kesan e ku li te dinêrin ji te re bê pêşniyarkirin.
               *[other] Divê di nav { $hours } saetan de piştî vegera te, axaftinek bi kesekî re ku ne ji wan kesan e ku li te dinêrin ji te re bê pêşniyarkirin.
            }
       *[other]
            { $hours ->
                [one] Divê di nav { $hours } saetê de piştî vegera te, axaftinek bi kesekî re ku li cihê tu lê dijî naxebite ji te re bê pêşniyarkirin.
               *[other] Divê di nav { $hours } saetan de piştî vegera te, axaftinek bi kesekî re ku li cihê tu lê dijî naxebite ji te re bê pêşniyarkirin.
            }
    }
child-found-choice = Tu dikarî ji wan re bibêjî ka çi qewimî û çi dê alîkariya te bike. Tu dikarî vê axaftinê red jî bikî.

## An interpreter

child-interpreter-title = Wergêrek
child-interpreter-what = Tu dikarî her dem wergêrekî bixwazî: li cem polîs, li cem karmendê te yê civakî, li cem doktor û dema ku tu li Xeta alîkariyê ji bo zarokên ku direvin (Runaway{"\u00A0"}Helpline) digerî.
child-interpreter-show = Vê yekê nîşanî kesekî mezin bide:
