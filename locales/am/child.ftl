### Harbour: help for the child, Amharic (am).
### Machine-quality translation from en-GB, written 2026-11-26; not yet reviewed by a
### qualified translator. The app shows staff this status.
###
### review: machine

## The screen

child-help-title = ለእርስዎ የሚሆን እርዳታ
child-help-intro = በመጥፋትዎ ምክንያት ችግር ውስጥ አልገቡም። በማንኛውም ጊዜ እርዳታ መጠየቅ ይችላሉ።
child-choose-language = ቋንቋዎን ይምረጡ
child-help-card-keep = ይህንን ካርድ በጥንቃቄ ያስቀምጡ። ወደ እነዚህ ቁጥሮች ከማንኛውም ስልክ መደወል ይችላሉ።

## The Runaway Helpline

child-runaway-name = ከቤት ለኮበለሉ ልጆች የእርዳታ መስመር (Runaway{"\u00A0"}Helpline)
child-runaway-what = ወደ { $number } ይደውሉ ወይም የጽሑፍ መልእክት ይላኩ። በስልክዎ ላይ ካርድ (የአየር ሰዓት) ባይኖርዎትም እንኳ ነፃ ነው።
child-runaway-private = ስምዎን መናገር አይጠበቅብዎትም። አንድ ሰው ከባድ አደጋ ላይ ካልሆነ በስተቀር፣ የሚናገሩት ሚስጥር ሆኖ ይቆያል።
child-runaway-message = ከጠየቁ፣ ወደ ተንከባካቢዎ ወይም ወደ ቤተሰብዎ መልእክት ሊያደርሱልዎት ይችላሉ።
child-runaway-language = ከደወሉ፣ አስተርጓሚ መጠየቅ ይችላሉ። የጽሑፍ መልእክቶች የሚመለሱት ግን በእንግሊዝኛ ነው።
child-runaway-hours = በየቀኑ ከ{ $from } እስከ { $to } ክፍት ነው።
child-runaway-hours-always = በየቀኑ ቀንም ሌሊትም ክፍት ነው።

## Other numbers

child-childline-name = የልጆች የእርዳታ መስመር (Childline)
child-childline-what = ወደ { $number } በነፃ ይደውሉ። ስለ ማንኛውም ነገር ማውራት ይችላሉ። ዕድሜው ከአስራ ዘጠኝ ዓመት በታች ለሆነ ለማንኛውም ሰው ነው።
child-emergency-name = አሁን አደጋ ላይ ነዎት?
child-emergency-what = ፖሊስ ወይም አምቡላንስ ለማግኘት ወደ { $number } ወይም ወደ { $alt } ይደውሉ። ጥሪው ነፃ ነው።
child-police-name = ፖሊስ፣ ድንገተኛ አደጋ ካልሆነ
child-police-what = ከፖሊስ ጋር ለመነጋገር ወደ { $number } ይደውሉ።
child-slavery-name = የዘመናዊ ባርነት የእርዳታ መስመር (Modern{"\u00A0"}Slavery{"\u00A0"}Helpline)
child-slavery-what = አንድ ሰው እንዲሰሩ ወይም አንድ ቦታ እንዲቆዩ እያስገደደዎት ከሆነ፣ ወደ { $number } ይደውሉ። ነፃ ነው፤ ቀንም ሌሊትም ክፍት ነው።

## Your rights

child-rights-title = መብቶችዎ
child-right-safe = ደህንነትዎ ተጠብቆ የመኖር መብት አለዎት። ማንም ሰው ሊጎዳዎት፣ ሊበዘብዝዎት ወይም ችላ ሊልዎት አይፈቀድለትም።
child-right-heard = የመደመጥ መብት አለዎት። አዋቂዎች ለእርስዎ የሚበጀው ምን እንደሆነ ማሰብ አለባቸው።
child-right-not-crime = መጥፋት ወይም መኮብለል ወንጀል አይደለም። በመጥፋትዎ ምክንያት ችግር ውስጥ አልገቡም።
child-right-police-see = መጥፋትዎ ለፖሊስ ሪፖርት ተደርጎ ከሆነ፣ ፖሊስ ደህና መሆንዎን ለማረጋገጥ እርስዎን ማየት ያስፈልገዋል። ወደ { $number } መደወል ወይም ወደ ፖሊስ ጣቢያ መሄድ ይችላሉ።
child-right-safe-place = የሚኖሩበት ቦታ ደህንነቱ የተጠበቀ ካልሆነ፣ ለፖሊስ ይንገሩ። ዕድሜዎ ከአስራ ስምንት ዓመት በታች ከሆነ፣ ማህበራዊ አገልግሎት ደህንነቱ የተጠበቀ የመኖሪያ ቦታ ሊያገኝልዎት ግዴታ አለበት።
child-right-forced = አንድ ሰው አንድ ቦታ እንዲቆዩ ወይም እንዲሰሩ እያስገደደዎት ከሆነ፣ ይህ ስህተት ነው፤ ሕገ ወጥም ሳይሆን አይቀርም። እርዳታ ማግኘት ይችላሉ።
child-right-no-name = በስልክዎ ላይ ካርድ ባይኖርዎትም እንኳ ወደ { $number } በነፃ መደወል ወይም የጽሑፍ መልእክት መላክ ይችላሉ። ስምዎን መናገር አይጠበቅብዎትም።
child-right-danger = አሁን አደጋ ላይ ነዎት? ወደ { $number } ይደውሉ።
child-right-interpreter = አስተርጓሚ መጠየቅ ይችላሉ።

## When you come back

child-found-title = ሲመለሱ
child-found-police = ፖሊስ ደህና መሆንዎን ለማረጋገጥ ያነጋግርዎታል። በመጥፋትዎ ምክንያት ችግር ውስጥ አልገቡም።
child-found-talk =
    { $home ->
        [foster_home]
            { $hours ->
                [one] ከተመለሱ በኋላ በ{ $hours } ሰዓት ውስጥ፣ ከተንከባካቢዎችዎ አንዱ ካልሆነ ሰው ጋር የመነጋገር እድል ሊሰጥዎት ይገባል።
               *[other] ከተመለሱ በኋላ በ{ $hours } ሰዓታት ውስጥ፣ ከተንከባካቢዎችዎ አንዱ ካልሆነ ሰው ጋር የመነጋገር እድል ሊሰጥዎት ይገባል።
            }
       *[other]
            { $hours ->
                [one] ከተመለሱ በኋላ በ{ $hours } ሰዓት ውስጥ፣ በሚኖሩበት ቦታ ከማይሰራ ሰው ጋር የመነጋገር እድል ሊሰጥዎት ይገባል።
               *[other] ከተመለሱ በኋላ በ{ $hours } ሰዓታት ውስጥ፣ በሚኖሩበት ቦታ ከማይሰራ ሰው ጋር የመነጋገር እድል ሊሰጥዎት ይገባል።
            }
    }
child-found-choice = ምን እንደተፈጠረ እና ምን እንደሚረዳዎት ሊነግሯቸው ይችላሉ። ይህንን ውይይት አልፈልግም ማለትም ይችላሉ።

## An interpreter

child-interpreter-title = አስተርጓሚ
child-interpreter-what = በማንኛውም ጊዜ አስተርጓሚ መጠየቅ ይችላሉ፦ ከፖሊስ ጋር፣ ከማህበራዊ ሰራተኛዎ ጋር፣ ሐኪም ጋር ሲሄዱ፣ እና ከቤት ለኮበለሉ ልጆች ወደተዘጋጀው የእርዳታ መስመር (Runaway{"\u00A0"}Helpline) ሲደውሉ።
child-interpreter-show = ይህንን ለአንድ አዋቂ ሰው ያሳዩ፦
