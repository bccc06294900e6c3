### Harbour: help for the child, Turkish (tr).
### Machine-quality translation from en-GB, written 2026-11-26; not yet reviewed by a
### qualified translator. The app shows staff this status.
###
### review: machine

## The screen

child-help-title = Senin için yardım
child-help-intro = Kaybolduğun için başın belada değil. Her zaman yardım isteyebilirsin.
child-choose-language = Dilini seç
child-help-card-keep = Bu kartı güvenli bir yerde sakla. Bu numaraları herhangi bir telefondan arayabilirsin.

## The Runaway Helpline

child-runaway-name = Evden Kaçan Çocuklar İçin Yardım Hattı (Runaway{"\u00A0"}Helpline)
child-runaway-what = { $number } numarasını ara ya da mesaj at. Telefonunda hiç bakiye olmasa bile ücretsizdir.
child-runaway-private = Adını söylemek zorunda değilsin. Biri ciddi bir tehlikede olmadığı sürece, söylediklerin gizli kalır.
child-runaway-message = Sen istersen, senin yerine sana bakan kişiye ya da ailene bir mesaj iletebilirler.
child-runaway-language = Telefonla ararsan tercüman isteyebilirsin. Kısa mesajlar İngilizce yanıtlanır.
child-runaway-hours = Her gün { $from } ile { $to } arasında açıktır.
child-runaway-hours-always = Her gün, gece gündüz açıktır.

## Other numbers

child-childline-name = Çocuk Yardım Hattı (Childline)
child-childline-what = { $number } numarasını ücretsiz ara. Her konuda konuşabilirsin. On dokuz yaşından küçük herkes içindir.
child-emergency-name = Şu anda tehlikede misin?
child-emergency-what = Polis ya da ambulans için { $number } veya { $alt } numarasını ara. Arama ücretsizdir.
child-police-name = Polis, acil bir durum olmadığında
child-police-what = Polisle konuşmak için { $number } numarasını ara.
child-slavery-name = Modern Kölelik Yardım Hattı (Modern{"\u00A0"}Slavery{"\u00A0"}Helpline)
child-slavery-what = Biri seni çalışmaya ya da bir yerde kalmaya zorluyorsa { $number } numarasını ara. Ücretsizdir ve gece gündüz açıktır.

## Your rights

child-rights-title = Hakların
child-right-safe = Güvende olmak senin hakkın. Kimsenin sana zarar vermeye, seni kullanmaya ya da seni ihmal etmeye hakkı yoktur.
child-right-heard = Söylediklerinin dinlenmesi senin hakkın. Yetişkinler senin için en iyisinin ne olduğunu düşünmek zorundadır.
child-right-not-crime = Ortadan kaybolmak ya da kaçmak suç değildir. Kaybolduğun için başın belada değil.
child-right-police-see = Kayıp olarak bildirildiysen, polisin güvende olduğunu kontrol etmek için seni görmesi gerekir. { $number } numarasını arayabilir ya da bir karakola gidebilirsin.
child-right-safe-place = Yaşadığın yer güvenli değilse bunu polise söyle. On sekiz yaşından küçüksen, sosyal hizmetler sana kalacak güvenli bir yer bulmak zorundadır.
child-right-forced = Biri seni bir yerde kalmaya ya da çalışmaya zorluyorsa, bu yanlıştır ve muhtemelen yasalara aykırıdır. Yardım alabilirsin.
child-right-no-name = Telefonunda hiç bakiye olmasa bile { $number } numarasını ücretsiz arayabilir ya da mesaj atabilirsin. Adını söylemek zorunda değilsin.
child-right-danger = Şu anda tehlikede misin? { $number } numarasını ara.
child-right-interpreter = Tercüman isteyebilirsin.

## When you come back

child-found-title = Geri döndüğünde
child-found-police = Polis, güvende olduğunu kontrol etmek için seninle konuşacak. Kaybolduğun için başın belada değil.
child-found-talk =
    { $home ->
        [foster_home]
            { $hours ->
                [one] Geri döndükten sonraki { $hours } saat içinde, sana bakan kişilerden biri olmayan biriyle konuşma fırsatı sana sunulmalıdır.
               *[other] Geri döndükten sonraki { $hours } saat içinde, sana bakan kişilerden biri olmayan biriyle konuşma fırsatı sana sunulmalıdır.
            }
       *[other]
            { $hours ->
                [one] Geri döndükten sonraki { $hours } saat içinde, yaşadığın yerde çalışmayan biriyle konuşma fırsatı sana sunulmalıdır.
               *[other] Geri döndükten sonraki { $hours } saat içinde, yaşadığın yerde çalışmayan biriyle konuşma fırsatı sana sunulmalıdır.
            }
    }
child-found-choice = Onlara ne olduğunu ve sana neyin yardımcı olacağını anlatabilirsin. Bu konuşmaya hayır da diyebilirsin.

## An interpreter

child-interpreter-title = Tercüman
child-interpreter-what = Her zaman tercüman isteyebilirsin: polisle, sosyal hizmet uzmanınla, doktorda ve Evden Kaçan Çocuklar İçin Yardım Hattı'nı (Runaway{"\u00A0"}Helpline) aradığında.
child-interpreter-show = Bunu bir yetişkine göster:
