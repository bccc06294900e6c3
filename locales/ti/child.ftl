### Harbour: help for the child, Tigrinya (ti).
### Machine-quality translation from en-GB, written 2026-11-26; not yet reviewed by a
### qualified translator. The app shows staff this status.
###
### review: machine

## The screen

child-help-title = ሓገዝ ንዓኹም
child-help-intro = ብሰንኪ ምጥፋእኩም ኣብ ጸገም ኣይኣቶኹምን። ኣብ ዝኾነ ግዜ ሓገዝ ክትሓትቱ ትኽእሉ ኢኹም።
child-choose-language = ቋንቋኹም ምረጹ
child-help-card-keep = ነዛ ካርድ ኣብ ውሑስ ቦታ ሓልውዋ። ናብዞም ቁጽርታት ካብ ዝኾነ ተሌፎን ክትድውሉ ትኽእሉ ኢኹም።

## The Runaway Helpline

child-runaway-name = መስመር ሓገዝ ንዝሃደሙ ቆልዑ (Runaway{"\u00A0"}Helpline)
child-runaway-what = ናብ { $number } ደውሉ ወይ መልእኽቲ ጽሑፍ ስደዱ። ኣብ ተሌፎንኩም ገንዘብ (ክረዲት) እንተ ዘይብልኩም'ውን፣ ብነጻ እዩ።
child-runaway-private = ስምኩም ክትነግሩ ግዴታ የብልኩምን። ሓደ ሰብ ኣብ ከቢድ ሓደጋ እንተ ዘይሃልዩ፣ እትብልዎ ምስጢር ኮይኑ ይጸንሕ።
child-runaway-message = እንተ ሓቲትኩም፣ ናብቲ ዝከናኸነኩም ሰብ ወይ ናብ ስድራኹም መልእኽቲ ከመሓላልፉልኩም ይኽእሉ።
child-runaway-language = እንተ ደዊልኩም፣ ተርጓሚ ክትሓትቱ ትኽእሉ ኢኹም። ንመልእኽቲ ጽሑፍ ግን ብእንግሊዝኛ እዮም ዝምልሱ።
child-runaway-hours = ኩሉ መዓልቲ ካብ { $from } ክሳብ { $to } ክፉት እዩ።
child-runaway-hours-always = ኩሉ መዓልቲ፣ ቀትርን ለይትን ክፉት እዩ።

## Other numbers

child-childline-name = መስመር ሓገዝ ቆልዑ (Childline)
child-childline-what = ናብ { $number } ብነጻ ደውሉ። ብዛዕባ ዝኾነ ነገር ክትዛረቡ ትኽእሉ ኢኹም። ዕድሚኡ ትሕቲ ዓሰርተው ትሽዓተ ዓመት ንዝኾነ ኩሉ ሰብ እዩ።
child-emergency-name = ሕጂ ኣብ ሓደጋ ዲኹም?
child-emergency-what = ፖሊስ ወይ ኣምቡላንስ እንተ ደሊኹም፣ ናብ { $number } ወይ ናብ { $alt } ደውሉ። ምድዋል ብነጻ እዩ።
child-police-name = ፖሊስ፣ ህጹጽ ጉዳይ ኣብ ዘይኮነሉ ግዜ
child-police-what = ምስ ፖሊስ ክትዛረቡ፣ ናብ { $number } ደውሉ።
child-slavery-name = መስመር ሓገዝ ዘመናዊ ባርነት (Modern{"\u00A0"}Slavery{"\u00A0"}Helpline)
child-slavery-what = ክትሰርሑ ወይ ኣብ ሓደ ቦታ ክትጸንሑ ዘገድደኩም ሰብ እንተሎ፣ ናብ { $number } ደውሉ። ብነጻ እዩ፣ ቀትርን ለይትን ድማ ክፉት እዩ።

## Your rights

child-rights-title = መሰላትኩም
child-right-safe = ብድሕንነት ክትነብሩ መሰል ኣሎኩም። ዝኾነ ሰብ ክጎድኣኩም፣ ክምዝምዘኩም ወይ ሸለል ክብለኩም ኣይፍቀደሉን።
child-right-heard = ዝበልኩምዎ ክስማዕ መሰል ኣሎኩም። ዓበይቲ ሰባት ንዓኹም ዝበለጸ እንታይ ምዃኑ ክሓስቡ ኣለዎም።
child-right-not-crime = ምጥፋእ ወይ ምህዳም ገበን ኣይኮነን። ብሰንኪ ምጥፋእኩም ኣብ ጸገም ኣይኣቶኹምን።
child-right-police-see = ከም ዝጠፋእኩም ጸብጻብ ቀሪቡ እንተ ኾይኑ፣ ፖሊስ ደሓን ምዃንኩም ንምርግጋጽ ክርእዩኹም የድልዮም። ናብ { $number } ክትድውሉ ወይ ናብ መደበር ፖሊስ ክትከዱ ትኽእሉ ኢኹም።
child-right-safe-place = እትነብሩሉ ቦታ ውሑስ እንተ ዘይኮይኑ፣ ንፖሊስ ንገርዎም። ዕድሜኹም ትሕቲ ዓሰርተው ሸሞንተ ዓመት እንተ ኾይኑ፣ ማሕበራዊ ኣገልግሎት ውሑስ ቦታ መንበሪ ክረኽቡልኩም ኣለዎም።
child-right-forced = ሓደ ሰብ ኣብ ሓደ ቦታ ክትጸንሑ ወይ ክትሰርሑ እንተ ኣገዲዱኩም፣ እዚ ጌጋ እዩ፣ ኣንጻር ሕጊ ናይ ምዃኑ ተኽእሎ'ውን ዓቢ እዩ። ሓገዝ ክትረኽቡ ትኽእሉ ኢኹም።
child-right-no-name = ኣብ ተሌፎንኩም ክረዲት እንተ ዘይብልኩም'ውን፣ ናብ { $number } ብነጻ ክትድውሉ ወይ መልእኽቲ ጽሑፍ ክትሰድዱ ትኽእሉ ኢኹም። ስምኩም ክትነግሩ ግዴታ የብልኩምን።
child-right-danger = ሕጂ ኣብ ሓደጋ ዲኹም? ናብ { $number } ደውሉ።
child-right-interpreter = ተርጓሚ ክትሓትቱ ትኽእሉ ኢኹም።

## When you come back

child-found-title = ምስ ተመለስኩም
child-found-police = ፖሊስ ደሓን ምዃንኩም ንምርግጋጽ ምሳኹም ክዛረቡ እዮም። ብሰንኪ ምጥፋእኩም ኣብ ጸገም ኣይኣቶኹምን።
child-found-talk =
    { $home ->
        [foster_home]
            { $hours ->
                [one] ምስ ተመለስኩም ኣብ ውሽጢ { $hours } ሰዓት፣ ምስ ሓደ ካብቶም ዝከናኸኑኹም ዘይኮነ ሰብ ክትዛረቡ ዕድል ክወሃበኩም ይግባእ።
               *[other] ምስ ተመለስኩም ኣብ ውሽጢ { $hours } ሰዓታት፣ ምስ ሓደ ካብቶም ዝከናኸኑኹም ዘይኮነ ሰብ ክትዛረቡ ዕድል ክወሃበኩም ይግባእ።
            }
       *[other]
            { $hours ->
                [one] ምስ ተመለስኩም ኣብ ውሽጢ { $hours } ሰዓት፣ ኣብቲ እትነብሩሉ ቦታ ምስ ዘይሰርሕ ሰብ ክትዛረቡ ዕድል ክወሃበኩም ይግባእ።
               *[other] ምስ ተመለስኩም ኣብ ውሽጢ { $hours } ሰዓታት፣ ኣብቲ እትነብሩሉ ቦታ ምስ ዘይሰርሕ ሰብ ክትዛረቡ ዕድል ክወሃበኩም ይግባእ።
            }
    }
child-found-choice = እንታይ ከም ዘጋጠመን እንታይ ከም ዝሕግዘኩምን ክትነግርዎም ትኽእሉ ኢኹም። ነዚ ዝርርብ ክትነጽግዎ'ውን ትኽእሉ ኢኹም።

## An interpreter

child-interpreter-title = ተርጓሚ
child-interpreter-what = ኣብ ዝኾነ ግዜ ተርጓሚ ክትሓትቱ ትኽእሉ ኢኹም፦ ምስ ፖሊስ፣ ምስ ማሕበራዊ ሰራሕተኛኹም፣ ኣብ ሓኪም፣ ከምኡ'ውን ናብ መስመር ሓገዝ ንዝሃደሙ ቆልዑ (Runaway{"\u00A0"}Helpline) ክትድውሉ ከለኹም።
child-interpreter-show = ነዚ ንሓደ ዓቢ ሰብ ኣርእይዎ፦
