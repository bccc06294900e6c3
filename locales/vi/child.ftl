### Harbour: help for the child, Vietnamese (vi).
### Machine-quality translation from en-GB, written 2026-11-26; not yet reviewed by a
### qualified translator. The app shows staff this status.
###
### review: machine

## The screen

child-help-title = Giúp đỡ cho em
child-help-intro = Em không gặp rắc rối gì vì đã mất tích. Em có thể xin giúp đỡ bất cứ lúc nào.
child-choose-language = Chọn ngôn ngữ của em
child-help-card-keep = Hãy cất giữ thẻ này ở nơi an toàn. Em có thể gọi các số này từ bất kỳ điện thoại nào.

## The Runaway Helpline

child-runaway-name = Đường dây trợ giúp trẻ bỏ nhà đi (Runaway{"\u00A0"}Helpline)
child-runaway-what = Hãy gọi hoặc nhắn tin đến số { $number }. Miễn phí, kể cả khi điện thoại của em đã hết tiền.
child-runaway-private = Em không cần phải nói tên của mình. Những gì em nói sẽ được giữ kín, trừ khi có ai đó đang gặp nguy hiểm nghiêm trọng.
child-runaway-message = Nếu em nhờ, họ có thể chuyển lời nhắn giúp em đến người chăm sóc em hoặc gia đình em.
child-runaway-language = Nếu em gọi điện, em có thể xin một người phiên dịch. Tin nhắn sẽ được trả lời bằng tiếng Anh.
child-runaway-hours = Hoạt động mỗi ngày từ { $from } đến { $to }.
child-runaway-hours-always = Hoạt động cả ngày lẫn đêm, mỗi ngày.

## Other numbers

child-childline-name = Đường dây trợ giúp trẻ em (Childline)
child-childline-what = Hãy gọi miễn phí đến số { $number }. Em có thể nói về bất cứ chuyện gì. Đường dây này dành cho tất cả những ai dưới mười chín tuổi.
child-emergency-name = Em đang gặp nguy hiểm ngay lúc này?
child-emergency-what = Hãy gọi { $number } hoặc { $alt } để gọi cảnh sát hoặc xe cấp cứu. Cuộc gọi này miễn phí.
child-police-name = Cảnh sát, khi không phải là trường hợp khẩn cấp
child-police-what = Hãy gọi { $number } để nói chuyện với cảnh sát.
child-slavery-name = Đường dây trợ giúp về nô lệ hiện đại (Modern{"\u00A0"}Slavery{"\u00A0"}Helpline)
child-slavery-what = Nếu có người đang bắt em làm việc hoặc bắt em phải ở lại một nơi nào đó, hãy gọi { $number }. Cuộc gọi miễn phí và đường dây hoạt động cả ngày lẫn đêm.

## Your rights

child-rights-title = Quyền của em
child-right-safe = Em có quyền được an toàn. Không ai được phép làm hại em, lợi dụng em hay bỏ mặc em.
child-right-heard = Em có quyền được lắng nghe. Người lớn phải suy nghĩ xem điều gì là tốt nhất cho em.
child-right-not-crime = Mất tích hay bỏ trốn không phải là phạm tội. Em không gặp rắc rối gì vì đã mất tích.
child-right-police-see = Nếu em đã được báo là mất tích, cảnh sát cần gặp em để kiểm tra xem em có an toàn không. Em có thể gọi { $number } hoặc đến một đồn cảnh sát.
child-right-safe-place = Nếu nơi em đang sống không an toàn, hãy báo cho cảnh sát. Nếu em dưới mười tám tuổi, cơ quan dịch vụ xã hội phải tìm cho em một nơi an toàn để ở.
child-right-forced = Nếu có người đang bắt em phải ở lại một nơi nào đó hoặc bắt em làm việc, điều đó là sai và có lẽ là trái pháp luật. Em có thể nhận được sự giúp đỡ.
child-right-no-name = Em có thể gọi hoặc nhắn tin miễn phí đến số { $number }, kể cả khi điện thoại đã hết tiền. Em không cần phải nói tên của mình.
child-right-danger = Em đang gặp nguy hiểm ngay lúc này? Hãy gọi { $number }.
child-right-interpreter = Em có thể xin một người phiên dịch.

## When you come back

child-found-title = Khi em trở về
child-found-police = Cảnh sát sẽ nói chuyện với em để kiểm tra xem em có an toàn không. Em không gặp rắc rối gì vì đã mất tích.
child-found-talk =
    { $home ->
        [foster_home] Trong vòng { $hours } giờ sau khi em trở về, em nên được mời nói chuyện với một người không phải là một trong những người chăm sóc em.
       *[other] Trong vòng { $hours } giờ sau khi em trở về, em nên được mời nói chuyện với một người không làm việc ở nơi em sống.
    }
child-found-choice = Em có thể kể cho họ nghe chuyện gì đã xảy ra và điều gì sẽ giúp được em. Em cũng có thể từ chối buổi nói chuyện này.

## An interpreter

child-interpreter-title = Người phiên dịch
child-interpreter-what = Em có thể xin một người phiên dịch bất cứ lúc nào: khi gặp cảnh sát, khi gặp nhân viên xã hội của em, khi đi khám bác sĩ và khi em gọi cho Đường dây trợ giúp trẻ bỏ nhà đi (Runaway{"\u00A0"}Helpline).
child-interpreter-show = Hãy đưa cái này cho một người lớn xem:
