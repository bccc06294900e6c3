### Harbour: the risk checklists' questions, English (UK).
###
### review: source

## Risk checklists (domain.md §3). Prompts for professional judgement, never a score.
## Each question is answered yes, no, unsure or not known; "yes" and "unsure" are concerns to
## discuss. `-why` is why the question matters, shown beside it.

cl-trafficking = Trafficking and modern slavery
cl-cse = Child sexual exploitation
cl-cce = Criminal exploitation and county lines
cl-missing = Missing risk
cl-push-pull = Push and pull factors

## Themes
cl-theme-journey = The journey and arrival
cl-theme-control = Control and fear
cl-theme-contact = Contact from others
cl-theme-exploitation = Work and exploitation
cl-theme-missing = Going missing
cl-theme-hidden = Hidden from services
cl-theme-relationships = Relationships and gifts
cl-theme-whereabouts = Where they go
cl-theme-online = Phone and online
cl-theme-disclosure = What they have said
cl-theme-health = Health and wellbeing
cl-theme-travel = Travel and places
cl-theme-money = Money and belongings
cl-theme-violence = Violence, weapons and debt
cl-theme-offending = Arrests and offending
cl-theme-language = Language they use
cl-theme-history = Missing before
cl-theme-trigger = Triggers and planning
cl-theme-vulnerability = Vulnerability
cl-theme-other = Other risks
cl-theme-pull = Pull factors (drawing the child away)
cl-theme-push = Push factors (driving the child out)

## Trafficking and modern slavery (§3.1)
cl-trafficking-arrived-alone = Did the child arrive alone, or with an adult who is not their parent or guardian or cannot show how they are related? Was an "agent" involved?
cl-trafficking-arrived-alone-why = A common route for trafficking: the adult may be the one in control.
cl-trafficking-documents = Are their identity documents missing, false or altered, or held by someone else?
cl-trafficking-documents-why = Keeping someone's documents is a classic way of controlling them.
cl-trafficking-debt = Do they talk about owing money for the journey, or say their family "owes" someone?
cl-trafficking-debt-why = Debt keeps a child doing what they are told and pulls them back to the people exploiting them.
cl-trafficking-coached-story = Do they seem to follow a script or coached story, give an account that keeps changing, or fear "uncles" or "bosses"?
cl-trafficking-coached-story-why = A sign of grooming, or of instructions from traffickers. Trauma, fear and interpreting problems also make accounts change; on its own this is not a sign the child is lying.
cl-trafficking-unknown-contacts = Do they get calls or messages from adults nobody knows, especially soon after placement? Do they have a phone they did not arrive with, or a sudden urgency to leave?
cl-trafficking-unknown-contacts-why = Traffickers often arrange a pick-up within hours or days of a placement.
cl-trafficking-exploitative-work = Have they been found before at a cannabis farm, nail bar, car wash or takeaway, or in domestic work, with their earnings taken?
cl-trafficking-exploitative-work-why = These are known places of forced work and forced crime for children.
cl-trafficking-unrelated-children = Have they lived at an address with unrelated children, or moved from place to place often?
cl-trafficking-unrelated-children-why = An indicator of child trafficking.
cl-trafficking-returns-changed = When they go missing, do they come back with money, new clothes or phones, or injuries, or are they found far from the placement?
cl-trafficking-returns-changed-why = They may have been trafficked again or exploited while away.
cl-trafficking-fear = Are they fearful or withdrawn, unwilling to talk to the authorities, or worried that their family at home will be harmed?
cl-trafficking-fear-why = Threats to family are a common way of controlling a child.
cl-trafficking-hidden = Are they not registered with a GP or a school, or have they never been to school?
cl-trafficking-hidden-why = A child kept out of sight of the services that would protect them.
cl-trafficking-journey-arranged = Did someone else arrange or pay for their journey (an "agent"), or did they travel with, or get met by, an adult who is not their parent and cannot show how they are related?
cl-trafficking-journey-arranged-why = Whoever arranged or paid for the journey may still control the child.
cl-trafficking-kept-from-services = Before they came into care, were they kept away from doctors or school, or have they never been to school?
cl-trafficking-kept-from-services-why = A child kept out of sight of the services that would protect them. A child who has just come into care and is not yet registered is the local authority's task, not a sign.

## Child sexual exploitation (§3.2)
cl-cse-older-contacts = Do they have an older "boyfriend" or "girlfriend", or contact with adults nobody knows? Are they picked up in cars?
cl-cse-older-contacts-why = An imbalance of power is at the heart of sexual exploitation.
cl-cse-gifts = Do they have gifts, money, alcohol, drugs or a phone they cannot explain?
cl-cse-gifts-why = Part of the exchange, and of grooming.
cl-cse-overnight = Do they stay out overnight, come back late, drunk or dishevelled, or go to hotels or parties?
cl-cse-overnight-why = These are linked to the places where abuse happens.
cl-cse-secretive-online = Are they secretive about their phone or contacts online, with more than one phone or contact late at night?
cl-cse-secretive-online-why = Grooming and control often happen online.
cl-cse-disclosure-withdrawn = Have they told someone about an assault and then taken it back?
cl-cse-disclosure-withdrawn-why = Taking it back can come from fear or control.
cl-cse-health-change = Are there sexual health problems, a pregnancy, self-harm, or a sudden change in mood or behaviour?
cl-cse-health-change-why = These can be the results of abuse.
cl-cse-exploited-peers = Do they spend time with other children who are exploited or go missing?
cl-cse-exploited-peers-why = Children are recruited through their friends.

## Criminal exploitation and county lines (§3.3)
cl-cce-other-towns = Do they go missing often and get found in other towns (seaside, market or county towns)?
cl-cce-other-towns-why = They may be made to travel to sell drugs.
cl-cce-unexplained-items = Do they have cash, phones, SIM cards, clothes or trainers they cannot explain, or a great many calls or texts?
cl-cce-unexplained-items-why = Signs of running a drugs phone line, and of being rewarded for it.
cl-cce-keys-tickets = Do they have hotel key cards or keys to places nobody knows, or train tickets and travel receipts?
cl-cce-keys-tickets-why = Signs of trap houses, "cuckooing" (taking over someone's home) and travel.
cl-cce-weapons-debt = Do they carry a weapon, or talk about owing money to dealers or being afraid of what they will do?
cl-cce-weapons-debt-why = Debt and violence are used to control children.
cl-cce-arrested-away = Have they been arrested away from home for drug offences, or found with drugs hidden inside their body?
cl-cce-arrested-away-why = A strong sign the child is being criminally exploited. Treat them as a possible victim first: ask for an NRM referral, and make sure police and their solicitor know they may be a victim of modern slavery (the s45 defence in England and Wales).
cl-cce-injuries = Do they have injuries they cannot explain, harm themselves, or suddenly drop their usual friends?
cl-cce-injuries-why = Signs of harm and of control.
cl-cce-slang = Do they use words like "going country", "trapping" or "cuckooing"?
cl-cce-slang-why = These words point to involvement in county lines.

## Missing risk (§3.4)
cl-missing-out-of-character = Would going missing be out of character for them?
cl-missing-out-of-character-why = Out-of-character absence raises the risk.
cl-missing-previous-episodes = Have they been missing before? (Note where they were found.)
cl-missing-previous-episodes-why = Risk does not fall because a child goes missing often: repeat episodes are a significant sign of high risk.
cl-missing-trigger = Is there a known reason or trigger: conflict, bad news, a Home Office letter, an age-assessment result?
cl-missing-trigger-why = Knowing the trigger helps police find them and helps prevent the next episode.
cl-missing-planning = Are there signs of planning: a packed bag, cash taken, a charged phone?
cl-missing-planning-why = Planning may mean they are going to someone, perhaps someone who exploits them.
cl-missing-self-harm = Is there a risk of suicide or self-harm?
cl-missing-self-harm-why = A key factor police weigh when they grade the risk.
cl-missing-critical-medication = Do they need medication that is critical if missed?
cl-missing-critical-medication-why = Missing doses can put them in danger quickly.
cl-missing-illness-disability = Do they have a physical or mental illness, or a disability?
cl-missing-illness-disability-why = It makes them more vulnerable while away.
cl-missing-victim-of-crime = Could they be a victim of crime: abduction, exploitation or trafficking?
cl-missing-victim-of-crime-why = Police treat this as a serious risk factor.
cl-missing-risky-contacts = Are they in contact with adults or places that put them at risk?
cl-missing-risky-contacts-why = These are where police will look, and the danger they may be in.
cl-missing-substances = Do they misuse drugs or alcohol?
cl-missing-substances-why = It makes them more vulnerable while away.
cl-missing-weather = Would they be out at night, in the cold, or exposed to the weather?
cl-missing-weather-why = Exposure adds to the danger, especially for a young child.
cl-missing-area-language = Are they new to the area, or unable to speak English well?
cl-missing-area-language-why = A child who does not know the area or cannot ask for help is more at risk.
cl-missing-risk-to-others = Could they be a risk to others?
cl-missing-risk-to-others-why = Police need to know this when they grade the risk.
cl-missing-honour-marriage = Is there a risk of honour-based abuse or forced marriage?
cl-missing-honour-marriage-why = These carry a high risk of serious harm.
cl-missing-radicalisation = Is there a concern about radicalisation?
cl-missing-radicalisation-why = Police and children's services need to know.
cl-missing-protection-plan = Is the child on a child protection plan?
cl-missing-protection-plan-why = It means serious concerns are already known.
cl-missing-newly-placed = Has the child been in care, or in this placement, for only a few days?
cl-missing-newly-placed-why = Traffickers often arrange to collect a child within hours or days of a placement.
cl-missing-young = Is the child young, or younger than their peers in the way they understand risk?
cl-missing-young-why = Age and understanding are among the first things police weigh when they grade the risk.

## Push and pull factors (§3.5)
cl-push-pull-told-to-rejoin = Were they told by traffickers or smugglers how to re-join them after a short time in care?
cl-push-pull-told-to-rejoin-why = Many trafficked children are told to leave care soon after they arrive.
cl-push-pull-journey-debt = Is there a journey debt to "work off", or threats to their family at home?
cl-push-pull-journey-debt-why = Debt bondage pulls children back to the people exploiting them.
cl-push-pull-exploiter-contact = Are they in phone contact with people who may exploit them, especially since arriving?
cl-push-pull-exploiter-contact-why = Contact often starts right after a child arrives.
cl-push-pull-destination = Do they want to reach a particular place, or relatives elsewhere in the UK or in Europe?
cl-push-pull-destination-why = A wish to move on can draw a child away, sometimes into danger.
cl-push-pull-diaspora-offers = Are people from their community offering them work or money?
cl-push-pull-diaspora-offers-why = Offers of work can be a route into exploitation.
cl-push-pull-immigration-wait = Are they waiting months for an immigration decision, or afraid of being removed at 18?
cl-push-pull-immigration-wait-why = Fear about the future can push a child to leave.
cl-push-pull-age-dispute = Are they stressed by an age assessment or an age dispute, or afraid of being treated as an adult?
cl-push-pull-age-dispute-why = Age disputes are a known push factor.
cl-push-pull-isolation = Are they isolated: nobody who speaks their language, or an unsuitable or unsupervised placement (hotel, B&B, semi-independent)?
cl-push-pull-isolation-why = Children have gone missing in large numbers from unsuitable placements.
cl-push-pull-moves-distrust = Have they had placement moves, do they distrust the authorities, carry trauma, or feel they are not listened to?
cl-push-pull-moves-distrust-why = A child who does not feel heard has less reason to stay.
cl-push-pull-needs-unmet = Are their cultural or religious needs unmet, or are they being bullied?
cl-push-pull-needs-unmet-why = Unmet needs and bullying push children out.
