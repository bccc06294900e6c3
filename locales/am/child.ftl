### Harbour: help for the child, Amharic (am).
### Machine-quality translation from en-GB, written 2026-11-26; not yet reviewed by a
### qualified translator. The app shows staff this status.
###
### review: machine

## The screen

child-help-title = ለአንተ የሚሆን እርዳታ
child-help-intro = ችግር ውስጥ አልገባህም። በማንኛውም ጊዜ እርዳታ መጠየቅ ትችላለህ።
child-choose-language = ቋንቋህን ምረጥ
child-help-card-keep = ይህንን ካርድ በጥንቃቄ አስቀምጥ። ወደ እነዚህ ቁጥሮች ከማንኛውም ስልክ መደወል ትችላለህ።

## The Runaway Helpline

child-runaway-name = ከቤት ለኮበለሉ ልጆች የእርዳታ መስመር (Runaway{"\u00A0"}Helpline)
child-runaway-what = ወደ { $number } ደውል ወይም የጽሑፍ መልእክት ላክ። በስልክህ ላይ ካርድ (የአየር ሰዓት) ባይኖርህም እንኳ ነፃ ነው።
child-runaway-private = ስምህን መናገር አይጠበቅብህም። አንድ ሰው ከባድ አደጋ ላይ ካልሆነ በስተቀር፣ የምትናገረው ሚስጥር ሆኖ ይቆያል።
child-runaway-message = ከጠየቅህ፣ ወደ ተንከባካቢህ ወይም ወደ ቤተሰብህ መልእክት ሊያደርሱልህ ይችላሉ።
child-runaway-language = ከደወልክ፣ አስተርጓሚ መጠየቅ ትችላለህ። የጽሑፍ መልእክቶች የሚመለሱት ግን በእንግሊዝኛ ነው።
child-runaway-hours = በየቀኑ ከ{ $from } እስከ { $to } ክፍት ነው።
child-runaway-hours-always = በየቀኑ ቀንም ሌሊትም ክፍት ነው።

## Other numbers

child-childline-name = የልጆች የእርዳታ መስመር (Childline)
child-childline-what = ወደ { $number } በነፃ ደውል። ስለ ማንኛውም ነገር ማውራት ትችላለህ። ዕድሜው ከአስራ ዘጠኝ ዓመት በታች ለሆነ ለማንኛውም ሰው ነው።
child-emergency-name = አሁን አደጋ ላይ ነህ?
child-emergency-what = ፖሊስ ወይም አምቡላንስ ለማግኘት ወደ { $number } ወይም ወደ { $alt } ደውል። ጥሪው ነፃ ነው።
child-police-name = ፖሊስ፣ ድንገተኛ አደጋ ካልሆነ
child-police-what = ከፖሊስ ጋር ለመነጋገር ወደ { $number } ደውል።
child-slavery-name = የዘመናዊ ባርነት የእርዳታ መስመር (Modern{"\u00A0"}Slavery{"\u00A0"}Helpline)
child-slavery-what = አንድ ሰው እንድትሰራ ወይም አንድ ቦታ እንድትቆይ እያስገደደህ ከሆነ፣ ወደ { $number } ደውል። ነፃ ነው፤ ቀንም ሌሊትም ክፍት ነው።

## Your rights

child-rights-title = መብቶችህ
child-right-safe = ደህንነትህ ተጠብቆ የመኖር መብት አለህ። ማንም ሰው ሊጎዳህ፣ ሊበዘብዝህ ወይም ችላ ሊልህ አይፈቀድለትም።
child-right-heard = የመደመጥ መብት አለህ። አዋቂዎች ለአንተ የሚበጀው ምን እንደሆነ ማሰብ አለባቸው።
child-right-not-crime = መጥፋት ወይም መኮብለል ወንጀል አይደለም። ችግር ውስጥ አልገባህም።
child-right-police-see = መጥፋትህ ለፖሊስ ሪፖርት ተደርጎ ከሆነ፣ ፖሊስ ደህና መሆንህን ለማረጋገጥ አንተን ማየት ያስፈልገዋል። ወደ { $number } መደወል ወይም ወደ ፖሊስ ጣቢያ መሄድ ትችላለህ።
child-right-safe-place = የምትኖርበት ቦታ ደህንነቱ የተጠበቀ ካልሆነ፣ ለፖሊስ ንገር። ዕድሜህ ከአስራ ስምንት ዓመት በታች ከሆነ፣ ማህበራዊ አገልግሎት ደህንነቱ የተጠበቀ የመኖሪያ ቦታ ሊያገኝልህ ግዴታ አለበት።
child-right-forced = አንድ ሰው አንድ ቦታ እንድትቆይ ወይም እንድትሰራ እያስገደደህ ከሆነ፣ ይህ ስህተት ነው፤ ሕገ ወጥም ሳይሆን አይቀርም። እርዳታ ማግኘት ትችላለህ።
child-right-no-name = በስልክህ ላይ ካርድ ባይኖርህም እንኳ ወደ { $number } በነፃ መደወል ወይም የጽሑፍ መልእክት መላክ ትችላለህ። ስምህን መናገር አይጠበቅብህም።
child-right-danger = አሁን አደጋ ላይ ነህ? ወደ { $number } ደውል።
child-right-interpreter = አስተርጓሚ መጠየቅ ትችላለህ።

## When you come back

child-found-title = ስትመለስ
child-found-police = ፖሊስ ደህና መሆንህን ለማረጋገጥ ያነጋግርሃል። በመጥፋትህ ምክንያት ችግር ውስጥ አልገባህም።
child-found-talk =
    { $hours ->
        [one] ከተመለስክ በኋላ በ{ $hours } ሰዓት ውስጥ፣ በምትኖርበት ቦታ ከማይሰራ ሰው ጋር የመነጋገር እድል ሊሰጥህ ይገባል።
       *[other] ከተመለስክ በኋላ በ{ $hours } ሰዓታት ውስጥ፣ በምትኖርበት ቦታ ከማይሰራ ሰው ጋር የመነጋገር እድል ሊሰጥህ ይገባል።
    }
child-found-choice = ምን እንደተፈጠረ እና ምን እንደሚረዳህ ልትነግራቸው ትችላለህ። ይህንን ውይይት አልፈልግም ማለትም ትችላለህ።

## An interpreter

child-interpreter-title = አስተርጓሚ
child-interpreter-what = በማንኛውም ጊዜ አስተርጓሚ መጠየቅ ትችላለህ፦ ከፖሊስ ጋር፣ ከማህበራዊ ሰራተኛህ ጋር፣ ሐኪም ጋር ስትሄድ፣ እና ከቤት ለኮበለሉ ልጆች ወደተዘጋጀው የእርዳታ መስመር (Runaway{"\u00A0"}Helpline) ስትደውል።
child-interpreter-show = ይህንን ለአንድ አዋቂ ሰው አሳይ፦
