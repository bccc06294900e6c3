### Harbour: help for the child, Tigrinya (ti).
### Machine-quality translation from en-GB, written 2026-11-26; not yet reviewed by a
### qualified translator. The app shows staff this status.
###
### review: machine

## The screen

child-help-title = ሓገዝ ንዓኻ
child-help-intro = ኣብ ጸገም ኣይኣቶኻን። ኣብ ዝኾነ ግዜ ሓገዝ ክትሓትት ትኽእል ኢኻ።
child-choose-language = ቋንቋኻ ምረጽ
child-help-card-keep = ነዛ ካርድ ኣብ ውሑስ ቦታ ሓልዋ። ናብዞም ቁጽርታት ካብ ዝኾነ ተሌፎን ክትድውል ትኽእል ኢኻ።

## The Runaway Helpline

child-runaway-name = መስመር ሓገዝ ንዝሃደሙ ቆልዑ (Runaway{"\u00A0"}Helpline)
child-runaway-what = ናብ { $number } ደውል ወይ መልእኽቲ ጽሑፍ ስደድ። ኣብ ተሌፎንካ ገንዘብ (ክረዲት) እንተ ዘይብልካ'ውን፣ ብነጻ እዩ።
child-runaway-private = ስምካ ክትነግር ግዴታ የብልካን። ሓደ ሰብ ኣብ ከቢድ ሓደጋ እንተ ዘይሃልዩ፣ እትብሎ ምስጢር ኮይኑ ይጸንሕ።
child-runaway-message = እንተ ሓቲትካ፣ ናብቲ ዝከናኸነካ ሰብ ወይ ናብ ስድራኻ መልእኽቲ ከመሓላልፉልካ ይኽእሉ።
child-runaway-language = እንተ ደዊልካ፣ ተርጓሚ ክትሓትት ትኽእል ኢኻ። ንመልእኽቲ ጽሑፍ ግን ብእንግሊዝኛ እዮም ዝምልሱ።
child-runaway-hours = ኩሉ መዓልቲ ካብ { $from } ክሳብ { $to } ክፉት እዩ።
child-runaway-hours-always = ኩሉ መዓልቲ፣ ቀትርን ለይትን ክፉት እዩ።

## Other numbers

child-childline-name = መስመር ሓገዝ ቆልዑ (Childline)
child-childline-what = ናብ { $number } ብነጻ ደውል። ብዛዕባ ዝኾነ ነገር ክትዛረብ ትኽእል ኢኻ። ዕድሚኡ ትሕቲ ዓሰርተው ትሽዓተ ዓመት ንዝኾነ ኩሉ ሰብ እዩ።
child-emergency-name = ሕጂ ኣብ ሓደጋ ዲኻ?
child-emergency-what = ፖሊስ ወይ ኣምቡላንስ እንተ ደሊኻ፣ ናብ { $number } ወይ ናብ { $alt } ደውል። ምድዋል ብነጻ እዩ።
child-police-name = ፖሊስ፣ ህጹጽ ጉዳይ ኣብ ዘይኮነሉ ግዜ
child-police-what = ምስ ፖሊስ ክትዛረብ፣ ናብ { $number } ደውል።
child-slavery-name = መስመር ሓገዝ ዘመናዊ ባርነት (Modern{"\u00A0"}Slavery{"\u00A0"}Helpline)
child-slavery-what = ክትሰርሕ ወይ ኣብ ሓደ ቦታ ክትጸንሕ ዘገድደካ ሰብ እንተሎ፣ ናብ { $number } ደውል። ብነጻ እዩ፣ ቀትርን ለይትን ድማ ክፉት እዩ።

## Your rights

child-rights-title = መሰላትካ
child-right-safe = ብድሕንነት ክትነብር መሰል ኣሎካ። ዝኾነ ሰብ ክጎድኣካ፣ ክምዝምዘካ ወይ ሸለል ክብለካ ኣይፍቀደሉን።
child-right-heard = ዝበልካዮ ክስማዕ መሰል ኣሎካ። ዓበይቲ ሰባት ንዓኻ ዝበለጸ እንታይ ምዃኑ ክሓስቡ ኣለዎም።
child-right-not-crime = ምጥፋእ ወይ ምህዳም ገበን ኣይኮነን። ኣብ ጸገም ኣይኣቶኻን።
child-right-police-see = ከም ዝጠፋእካ ጸብጻብ ቀሪቡ እንተ ኾይኑ፣ ፖሊስ ደሓን ምዃንካ ንምርግጋጽ ክርእዩኻ የድልዮም። ናብ { $number } ክትድውል ወይ ናብ መደበር ፖሊስ ክትከይድ ትኽእል ኢኻ።
child-right-safe-place = እትነብረሉ ቦታ ውሑስ እንተ ዘይኮይኑ፣ ንፖሊስ ንገሮም። ዕድሜኻ ትሕቲ ዓሰርተው ሸሞንተ ዓመት እንተ ኾይኑ፣ ማሕበራዊ ኣገልግሎት ውሑስ ቦታ መንበሪ ክረኽቡልካ ኣለዎም።
child-right-forced = ሓደ ሰብ ኣብ ሓደ ቦታ ክትጸንሕ ወይ ክትሰርሕ እንተ ኣገዲዱካ፣ እዚ ጌጋ እዩ፣ ኣንጻር ሕጊ ናይ ምዃኑ ተኽእሎ'ውን ዓቢ እዩ። ሓገዝ ክትረክብ ትኽእል ኢኻ።
child-right-no-name = ኣብ ተሌፎንካ ክረዲት እንተ ዘይብልካ'ውን፣ ናብ { $number } ብነጻ ክትድውል ወይ መልእኽቲ ጽሑፍ ክትሰድድ ትኽእል ኢኻ። ስምካ ክትነግር ግዴታ የብልካን።
child-right-danger = ሕጂ ኣብ ሓደጋ ዲኻ? ናብ { $number } ደውል።
child-right-interpreter = ተርጓሚ ክትሓትት ትኽእል ኢኻ።

## When you come back

child-found-title = ምስ ተመለስካ
child-found-police = ፖሊስ ደሓን ምዃንካ ንምርግጋጽ ምሳኻ ክዛረቡ እዮም። ብሰንኪ ምጥፋእካ ኣብ ጸገም ኣይኣቶኻን።
child-found-talk =
    { $hours ->
        [one] ምስ ተመለስካ ኣብ ውሽጢ { $hours } ሰዓት፣ ኣብቲ እትነብረሉ ቦታ ምስ ዘይሰርሕ ሰብ ክትዛረብ ዕድል ክወሃበካ ይግባእ።
       *[other] ምስ ተመለስካ ኣብ ውሽጢ { $hours } ሰዓታት፣ ኣብቲ እትነብረሉ ቦታ ምስ ዘይሰርሕ ሰብ ክትዛረብ ዕድል ክወሃበካ ይግባእ።
    }
child-found-choice = እንታይ ከም ዘጋጠመን እንታይ ከም ዝሕግዘካን ክትነግሮም ትኽእል ኢኻ። ነዚ ዝርርብ ክትነጽጎ'ውን ትኽእል ኢኻ።

## An interpreter

child-interpreter-title = ተርጓሚ
child-interpreter-what = ኣብ ዝኾነ ግዜ ተርጓሚ ክትሓትት ትኽእል ኢኻ፦ ምስ ፖሊስ፣ ምስ ማሕበራዊ ሰራሕተኛኻ፣ ኣብ ሓኪም፣ ከምኡ'ውን ናብ መስመር ሓገዝ ንዝሃደሙ ቆልዑ (Runaway{"\u00A0"}Helpline) ክትድውል ከሎኻ።
child-interpreter-show = ነዚ ንሓደ ዓቢ ሰብ ኣርእዮ፦
