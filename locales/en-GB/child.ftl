### Harbour: help for the child, in words a child can read. Shown full screen by "Show to child"
### and printed on the help card. Facts from domain.md §4 (helplines and rights) and §2.4 (what
### happens on return). Numbers and opening hours come in as variables from the home's settings,
### never written into the text, so an administrator can correct them.
###
### review: source

## The screen

child-help-title = Help for you
child-help-intro = You are not in trouble for going missing. You can ask for help at any time.
child-choose-language = Choose your language
child-help-card-keep = Keep this card safe. You can call these numbers from any phone.

## The Runaway Helpline

child-runaway-name = Runaway Helpline
child-runaway-what = Call or text { $number }. It is free, even if you have no credit on your phone.
child-runaway-private = You do not have to give your name. What you say stays private, unless someone is in serious danger.
child-runaway-message = If you ask, they can pass a message to your carer or your family for you.
child-runaway-language = If you phone, you can ask for an interpreter. Text messages are answered in English.
child-runaway-hours = Open every day from { $from } to { $to }.
child-runaway-hours-always = Open day and night, every day.

## Other numbers

child-childline-name = Childline
child-childline-what = Call { $number } for free. You can talk about anything. It is for anyone under 19.
child-emergency-name = In danger now?
child-emergency-what = Call { $number } or { $alt } for the police or an ambulance. The call is free.
child-police-name = Police, when it is not an emergency
child-police-what = Call { $number } to talk to the police.
child-slavery-name = Modern Slavery Helpline
child-slavery-what = If someone is making you work or making you stay somewhere, call { $number }. It is free and open day and night.

## Your rights

child-rights-title = Your rights
child-right-safe = You have the right to be safe. No one is allowed to hurt you, use you or neglect you.
child-right-heard = You have the right to be listened to. Adults must think about what is best for you.
child-right-not-crime = Going missing or running away is not a crime. You are not in trouble for going missing.
child-right-police-see = If you have been reported missing, the police need to see you to check that you are safe. You can call { $number } or go to a police station.
child-right-safe-place = If it is not safe where you live, tell the police. If you are under 18, social services must find you a safe place to stay.
child-right-forced = If someone is making you stay somewhere or making you work, that is wrong and probably against the law. You can get help.
child-right-no-name = You can call or text { $number } for free, even with no credit. You do not have to give your name.
child-right-danger = In danger now? Call { $number }.
child-right-interpreter = You can ask for an interpreter.

## When you come back

child-found-title = When you come back
child-found-police = The police will talk with you to check that you are safe. You are not in trouble for going missing.
child-found-talk =
    { $home ->
        [foster_home]
            { $hours ->
                [one] You should be offered a talk with someone who is not one of your carers, within { $hours } hour of coming back.
               *[other] You should be offered a talk with someone who is not one of your carers, within { $hours } hours of coming back.
            }
       *[other]
            { $hours ->
                [one] You should be offered a talk with someone who does not work where you live, within { $hours } hour of coming back.
               *[other] You should be offered a talk with someone who does not work where you live, within { $hours } hours of coming back.
            }
    }
child-found-choice = You can tell them what happened and what would help you. You can also say no to this talk.

## An interpreter

child-interpreter-title = An interpreter
child-interpreter-what = You can ask for an interpreter at any time: with the police, with your social worker, at the doctor's and when you phone the Runaway Helpline.
child-interpreter-show = Show this to an adult:
