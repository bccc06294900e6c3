### Harbour: the staff interface, English (UK).
###
### review: source

# Harbour — staff interface, English (UK). This is the source text every other locale follows.
# Wording of safety steps follows shared/domain.md §2.3–2.4 and §4; keep it accurate to that.

app-title = Harbour
app-tagline = Keeping children in care safe from going missing
language-status = English (UK) · source text

## Locking, unlocking and first run

lock-title = Harbour is locked
lock-intro = Unlock with your PIN to see the children's records.
lock-name = Your name
lock-pin = PIN or passphrase
lock-unlock = Unlock
lock-unlocking = Unlocking…
lock-button = Lock
lock-button-label = Lock Harbour now (Ctrl+L)
lock-missing-button = Child missing
lock-missing-title = A child is missing: do this now
lock-missing-unlock = Unlock Harbour to see the child's photo, description and their own steps. You can do this while you call.
lock-back = Back
generic-step-danger = If the child may be in immediate danger, call 999 now.
generic-step-flagged = If the child is unaccompanied or may have been trafficked, call 999 now. Do not search first. Tell the call handler the child is unaccompanied or may have been trafficked.
generic-step-report = Otherwise, do the quick checks agreed for this child, then report to police: 999 if in danger, otherwise 101. There is no 24-hour waiting rule.
generic-step-notify = Then tell the manager on call and the child's social worker, or the Emergency Duty Team out of hours.
demo-banner = Demonstration store: fictional children only. Unlock with PIN { $pin }.
signed-in-as = { $name } · { $role }
setup-title = Set up Harbour
setup-intro = You will be this computer's Harbour administrator. Harbour keeps its records encrypted; your PIN unlocks them.
setup-pin-advice = Choose at least 6 characters that others would not guess. A passphrase of a few words is better. If every PIN is forgotten, a backup and the organisation's recovery key bring the records back.
setup-name = Your name
setup-pin = Choose a PIN or passphrase
setup-pin-again = Type it again
setup-submit = Set up Harbour
role-foster-carer = Foster carer
role-residential-staff = Residential staff
role-manager = Manager
role-placement-officer = Placement officer
role-admin = Administrator

## The missing episode after the first steps (domain.md §2.2, §2.4)

grade-no-apparent-risk = No apparent risk
grade-low = Low risk
grade-medium = Medium risk
grade-high = High risk
grade-absent = Absent: no apparent or tolerable risk, the local authority leads (Scotland)
contact-manager = Registered manager or on-call manager
contact-social-worker = { $nation ->
    [northern_ireland] The child's social worker (the HSC Trust)
   *[other] The child's social worker
}
contact-personal-adviser = Personal adviser or leaving care team
contact-edt = { $nation ->
    [northern_ireland] Regional Emergency Social Work Service (out of hours)
    [scotland] Out-of-hours social work (standby): check your local service's name
   *[other] Emergency Duty Team (out of hours)
}
contact-host-authority = { $nation ->
    [northern_ireland] Host HSC Trust (child placed from another Trust)
   *[other] Host authority (child placed out of area)
}
contact-fostering-agency = Supervising social worker or fostering agency
contact-parents = Parents or others with parental responsibility, where appropriate and safe
contact-parents-agreed = Parents or others with parental responsibility: only with the social worker's agreement
contact-guardian = { $nation ->
    [scotland] Guardianship service for separated and trafficked children (check with your local protocol)
    [northern_ireland] Independent Guardian Service for separated and trafficked children (check with your local protocol)
   *[other] Independent Child Trafficking Guardian (ICTG), where the service runs
}
contact-iro = Independent Reviewing Officer (IRO)
contact-regulator = { $nation ->
    [wales] Care Inspectorate Wales
    [scotland] The Care Inspectorate
    [northern_ireland] RQIA
   *[other] Ofsted
} (the manager decides whether to notify; check your notification rules)

record-heading = Record what happens
police-title = Police report
police-reference = Police reference number
police-officer = Officer or call handler
police-grade = Risk grade the police gave
police-grade-hint = The police decide the grade. Record what they told you; update it if they change it.
police-grade-none = Not given yet
police-save = Save the police report
police-recorded = Reference { $reference }{ $officer ->
    [none] {""}
   *[other] {" "}· { $officer }
} · police grade: { $grade } · reported to police { $reported } · recorded { $time }
police-reported-at = When was { $name } reported to police?
error-reported-before-last-seen = The time reported to police cannot be before they were last seen.
milestones-title = As time goes on
milestone-strategy = { $nation ->
    [scotland] Missing 24 hours: ask for an Inter-agency Referral Discussion (IRD) about { $name }.
   *[other] Missing 24 hours: ask for a strategy meeting about { $name }.
}
milestone-senior-manager = Missing 72 hours: tell a senior manager, and ask police about publicity and about Missing People's support for professionals.
milestone-profile = Missing 72 hours: check { $name }'s profile again with what is known now, and send police anything new.
milestone-over-a-week = { $name } has been missing for more than a week. Mark it here, and agree with police and the social worker what more can be done.
notify-title = Who has been told
notify-told-now = Told now
notify-told-label = Record that you have told: { $contact }
notify-told-at = told, recorded { $time }
log-title = Log
log-text = What happened (a sighting, a message, a call)
log-add = Add to the log
log-correct = Correct
log-correct-label = The line as it should read
log-correct-save = Save the correction
log-correct-cancel = Cancel
log-corrected-mark = (corrected { $time })
log-corrected-was = First written: { $text }
log-by = { $name }:
log-by-corrected = { $name } (corrected by { $corrector }):
author-not-known = someone this computer does not know yet
child-added-by = Added by { $name }, { $time }
child-added-by-unknown = Added { $time } (who added them was not recorded)
child-corrected-by = Details last corrected by { $name }, { $time }
child-corrected-by-unknown = Details last corrected { $time } (by whom was not recorded)
needs-checking-child = Some of this child's record came from another computer, from someone this computer cannot check yet. It is shown so nothing is missed; an administrator should check it.
needs-checking-episode = Some of this missing report came from another computer, from someone this computer cannot check yet. It is shown so nothing is missed: act on it as on any report, and ask an administrator to check it.
found-title = Found or back
found-at = When was { $name } found or back?
found-by = Found by (or came back alone)
found-where = Where
found-how = How they came back
found-save = Record that { $name } is back
found-recorded = { $name } back at { $time } · { $where } · { $by }. Tell the police straight away if you have not, and everyone you told before.
interview-due = { $nation ->
    [scotland] Return discussion { $step ->
        [arrange] to be arranged
       *[hold] to take place
    } by { $time } ({ $span } after { $name } came back). Who holds it is set locally: check with your local protocol.
   *[other] Return interview { $step ->
        [arrange] to be arranged
       *[hold] due
    } by { $time } ({ $span } after { $name } came back). { $name }'s placing local authority must make sure one is offered.
}
interview-overdue = { $nation ->
    [scotland] Return discussion
   *[other] Return interview
}{ $step ->
    [arrange] {" "}not yet arranged:
   *[hold] {""}
} OVERDUE since { $time }. Ask the social worker when it will happen.
interview-still-due = { $nation ->
    [scotland] Return discussion arranged on { $date }{ $service ->
        [none] {""}
       *[other] {" "}with { $service }
    }. To take place by { $time }: record when it takes place, or if { $name } says no.
   *[other] Return interview offered on { $date }{ $service ->
        [none] {""}
       *[other] {" "}by { $service }
    }. Still due by { $time }: record when it takes place, or if { $name } declines.
}
interview-span = { $unit ->
    [days] { $count ->
        [one] 1 day
       *[other] { $count } days
    }
   *[hours] { $count ->
        [one] 1 hour
       *[other] { $count } hours
    }
}
interview-not-offered-recorded = Recorded as not offered: { $reason }. It is still due.
interview-held-recorded = { $nation ->
    [scotland] Return discussion
   *[other] Return interview
} held { $time }{ $by ->
    [none] {""}
   *[other] {" "}by { $by }
}. { $within ->
    [yes] Within { $span } of the return.
    [no] Not within { $span } of the return.
   *[unknown] When it took place was not recorded.
}
interview-declined-recorded = { $name } said no to the { $nation ->
    [scotland] return discussion
   *[other] return interview
} on { $time }. { $reoffer ->
    [none] Pass on what you know to the social worker.
   *[other] It will be offered again on { $reoffer }. Pass on what you know to the social worker.
}
interview-forms-title = Record the { $nation ->
    [scotland] return discussion
   *[other] return interview
}
interview-offer-title = It was offered
interview-offer-at = When was it offered?
interview-offer-service = By which service
interview-offer-save = Record the offer
interview-held-title = It took place
interview-held-at = When did it take place?
interview-held-by = Who held it (name and service)
interview-held-independent = Is that person independent of the placement?
interview-independent-yes = Yes, independent of the placement
interview-independent-no = No, they work in the placement
interview-held-mode = How
interview-mode-in-person = In person
interview-mode-phone = By phone
interview-mode-video = By video
interview-held-save = Record that it took place
interview-declined-title = { $name } said no
interview-declined-at = When did { $name } say no?
interview-declined-reason = The reason, if { $name } gave one
interview-reoffer-on = It will be offered again on (day/month/year, if known)
interview-declined-save = Record that { $name } said no
interview-not-offered-title = It was not offered
interview-not-offered-reason = Why it was not offered
interview-not-offered-save = Record that it was not offered
close-hint = Close the episode when { $name } is back and safe and the police have closed their report. Harbour keeps the return interview on the list until it is done or declined, and what follows the return can still be recorded.
close-episode = Close the missing episode
close-outstanding = Still to do after the close (it stays open to record):
outstanding-interview = { $nation ->
    [scotland] the return discussion
   *[other] the return interview
}
outstanding-regulator = the manager's decision whether to notify the regulator
close-confirm = Close the missing episode now
close-cancel = Not yet

## The grab sheet (one A4 page for the police, in English)

sheet-title = MISSING CHILD: give this page to the police
sheet-dob = Date of birth
sheet-age = Age
sheet-languages = Languages (an interpreter may be needed)
sheet-flags = Risk flags
sheet-escalation = UNACCOMPANIED OR SUSPECTED TRAFFICKED CHILD. At high risk of being taken back by traffickers, often within hours. Please treat as HIGH RISK.
sheet-episode = This episode
sheet-title-adult = MISSING YOUNG PERSON (18 or over, a care leaver): give this page to the police
sheet-escalation-adult = CARE LEAVER WHO CAME TO THE UK UNACCOMPANIED OR MAY HAVE BEEN TRAFFICKED. The risk from traffickers does not end at 18. Please treat as HIGH RISK.
sheet-photo-taken = Photo taken { $date }
sheet-checks-done = Checks already made
sheet-risk-summary = Risk summary for police
sheet-concerns-from = { $checklist } ({ $date })
sheet-concern = { $question } { $answer }
sheet-earlier-episodes = Earlier missing episodes
sheet-earlier-count = How many
sheet-earlier-found = Where found (latest first)
sheet-not-found = Not found
sheet-full-photo-taken = Full-length photo taken { $date }
sheet-last-seen = Last seen
sheet-reported = Reported missing in Harbour
sheet-missing-for = Missing for
sheet-police-reference = Police reference
sheet-officer = Officer or call handler
sheet-grade = Police risk grade
sheet-not-yet-title = Not yet recorded in Harbour
sheet-not-yet = Description, clothing, phones and accounts, associates and places are not recorded in Harbour yet: ask the carer.
sheet-footer = Data shared for safeguarding: handle as OFFICIAL-SENSITIVE
sheet-printed = Printed { $time } · profile version { $version }
sheet-print = Print the grab sheet
sheet-open = Open the grab sheet (PDF)
sheet-opened = The grab sheet is open in your PDF viewer, to print or send from there. Harbour deletes this copy when it locks or closes, and when the episode closes.
sheet-save-copy = Save a copy…
sheet-copy-warning-title = Before you save a copy
sheet-copy-warning = A saved copy is not protected by Harbour: anyone who can open the folder you choose can read the child's photo, health, the people and places in their life, and where they live. Save it only to send it to the police or the local authority, in a folder only you can open (not a shared folder or a USB stick), and delete it once it has gone.
sheet-copy-choose = Choose where to save it
sheet-copy-cancel = Cancel
sheet-copy-saved = A copy of the grab sheet was saved to { $path }. Delete it once it has gone to the police.
sheet-copy-cancelled = Nothing was saved.
sheet-copy-dialog-title = Save a copy of the grab sheet
share-title = Who the grab sheet went to
share-with = Given to (name, role and organisation)
share-how = How
share-email = By email
share-portal = Through the online route (police or local authority)
share-handed = Handed to an officer
share-phone = Read out by phone
share-basis = On what basis
share-basis-default = Safeguarding: to locate a missing looked-after child
share-save = Record who it went to
share-recorded = { $time }: to { $with }, { $how }. Basis: { $basis }.
error-shared-with-required = Write who you gave it to.
error-basis-required = Write the basis for sharing it.
sheet-printed-ok = The grab sheet has been sent to the printer.
error-print-not-covered = A name or note has letters Harbour cannot print yet. Write them in Latin letters for the police, or tell your manager.
error-print-failed = The grab sheet could not be made. Try again, or read the details from this screen to the police.
error-print-no-printer = No printer is set up on this computer. Open the grab sheet or save a copy instead, and send it.
error-print-timeout = The printer did not take the grab sheet within 30 seconds. Open the grab sheet or save a copy instead, and send it; check the printer later.
error-print-save-failed = The grab sheet could not be written. Check the folder is there and has space.
error-sheet-no-viewer = No program to show PDFs was found on this computer. Print the grab sheet, or save a copy and send it.

## Settings: my PIN, auto-lock, backups, staff

settings-open = Settings
settings-title = Settings
settings-pin-title = Change my PIN
settings-pin-current = My PIN now
settings-pin-new = New PIN or passphrase
settings-pin-again = Type the new one again
settings-pin-submit = Change my PIN
settings-pin-changed = Your PIN has been changed. Use the new one next time you unlock.
settings-lock-title = Locking
settings-lock-minutes = Lock Harbour after this many minutes without use (1 to 240)
settings-lock-submit = Save
settings-lock-saved = Saved. Harbour will lock after this time without use on this computer.
backup-title = Backup
backup-intro = A backup is an encrypted copy of all records on this computer. On this computer it restores with a member of staff's PIN; on any other computer only with the organisation's recovery key. Make one every week, and keep it somewhere safe away from this computer and away from the recovery key.
backup-submit = Make a backup now
backup-running = Writing the backup: { $percent }%
backup-done = Backup written to { $path }. Copy it to a USB stick or another safe place, and keep that locked away.
teams-title = Homes and households
teams-intro = Each home or household has its own children, contacts and help numbers. Staff see only the children of the homes they are in.
teams-shown = Settings shown for
teams-shown-hint = The contacts and numbers below, and new children, are this home's.
teams-name = Name
teams-rename = Save name
teams-renamed = The name has been saved.
teams-members = Staff in { $team }
teams-add-name = Set up another home or household
teams-add-hint = For example a second children's home, or another foster household you support. You will be in it; add the staff who work there.
teams-add = Set it up
teams-added = { $team } has been set up.
users-title = Staff who can unlock Harbour
users-name = Name
users-role = Role
users-actions = Actions
users-disable = Disable
users-disable-label = Disable { $name }
users-disable-confirm = Yes, disable { $name }
users-disabled-tag = Disabled
users-new-pin = New PIN
users-new-pin-label = Give { $name } a new PIN
users-new-pin-submit = Give this PIN
users-new-pin-close = Close
users-new-pin-done = { $name } can now unlock with the new PIN. Tell them in person, and ask them to change it.
users-add-title = Add a member of staff
users-pin-hint = Choose a first PIN for them and tell them in person. They should change it when they first unlock.
users-pin = Their first PIN
users-pin-again = Type it again
users-add-submit = Add this person
users-added = { $name } can now unlock Harbour with the PIN you chose. Ask them to change it.
security-title = Keeping these records safe
protection-keyring = Part of Harbour's key is kept in this computer's keyring, not with the records. A copy of Harbour's files taken to another computer cannot be opened by guessing PINs.
protection-key-file = This computer has no keyring, so part of Harbour's key is kept in a private file in your account's settings, not with the records. Anyone who copies your whole account could try PINs against it: turn on disk encryption, and lock the computer when you leave it.
protection-disk-encrypted = This computer's disk is encrypted. Keep it that way: with a strong password, a lost or stolen laptop gives nothing away.
protection-disk-not-encrypted = This computer's disk is not encrypted. Ask your IT support to turn on disk encryption before you record children's details: without it, someone with the laptop has more to work with.
protection-disk-unknown = Harbour could not tell whether this computer's disk is encrypted. Ask your IT support to check; an encrypted disk is strongly advised.
recovery-title = Recovery key
recovery-made-at = The recovery key in use was made on { $date }.
recovery-none = There is no recovery key yet, so backups cannot be made.
recovery-hint = The recovery key opens Harbour's backups on any computer, for example after a laptop is lost. If it may have been seen by someone who should not have it, make a new one: backups from then on need the new key, and older backups still need the old one.
recovery-make = Make a new recovery key
recovery-key-title = Your recovery key
recovery-key-what = Write this key down now, on paper, exactly as shown, or print it. It opens Harbour's backups on any computer, without anyone's PIN. Harbour does not keep it and will not show it again.
recovery-key-keep = Keep it somewhere safe and locked, away from this computer and its backups, where your organisation's managers can find it. Anyone with the key and a backup can read the records.
recovery-key-done = I have written it down or printed it
recovery-key-print = Print the recovery key
recovery-key-printed = The recovery key was sent to the printer. Check that the page came out whole, then keep it locked away.
## The recovery key's printed page (English, like the grab sheet)
recovery-sheet-title = Harbour recovery key
recovery-sheet-intro = This key opens Harbour's backups on any computer, without anyone's PIN. Harbour does not keep it and cannot show it again.
recovery-sheet-made = Made on { $when }. Backups made from then on open with this key, until a newer key is made; older backups need the key that was current when they were made, so keep this page as long as any of them is kept.
recovery-sheet-note-locked = Keep this page locked away, apart from the computer and its backups, where your organisation's managers can find it.
recovery-sheet-note-anyone = Anyone who has this key and a backup can read every record in it, children's details included.
recovery-sheet-note-type = To restore a backup, type the key as shown: capitals, spaces and dashes do not matter.
recovery-sheet-note-no-copy = Do not photograph or scan it, and do not keep it on a computer, a phone or in email.
recovery-sheet-kept-by = Kept by
recovery-sheet-kept-where = Where
keys-title = Replace the records' key
keys-hint = If a laptop, a PIN or a backup may have got into the wrong hands, replace the key. The records are encrypted again under a new key that only the staff listed above can open. Disabling someone does this too.
keys-replace = Replace the key
keys-confirm-text = Close Harbour on any other window of this computer first. Every member of staff keeps their own PIN.
keys-confirm = Yes, replace the key now
keys-replaced = Done. The new key was given to { $kept ->
    [one] one member of staff
   *[other] { $kept } members of staff
}.
keys-replaced-dropped = { $dropped ->
    [one] One member of staff had not signed in since Harbour was updated and can no longer unlock: give them a new PIN.
   *[other] { $dropped } members of staff had not signed in since Harbour was updated and can no longer unlock: give them new PINs.
}

## Home: the list of children

home-heading = Children
home-empty = No children yet. Add each child now, so that if they ever go missing everything is ready.
home-add-child = Add a child
child-missing-button = Child missing
child-missing-label = Report { $name } missing
child-age = Age { $age }
child-team = Home: { $team }
child-languages = Speaks { $languages }
child-flag-unaccompanied = Unaccompanied
child-flag-trafficked = Suspected trafficked
child-no-photo = No photo
episode-open-banner = MISSING · last seen { $elapsed } ago
episode-open-button = Open the steps
episode-open-label = Open the missing steps for { $name }
home-back-since = Back since { $time }
home-interview-due = { $nation ->
    [scotland] Return discussion
   *[other] Return interview
} { $step ->
    [arrange] to be arranged by
   *[hold] due by
} { $time }
home-interview-overdue = { $nation ->
    [scotland] Return discussion
   *[other] Return interview
}{ $step ->
    [arrange] {" "}not yet arranged:
   *[hold] {""}
} OVERDUE since { $time }
home-interview-recorded = { $nation ->
    [scotland] Return discussion
   *[other] Return interview
} recorded. Close the episode when ready.
home-interviews-title = { $nation ->
    [scotland] Return discussions still to happen
   *[other] Return interviews still to happen
}
home-interviews-hint = Each stays here until it has taken place or the young person has said no, even after the episode is closed.
home-interview-offered = Offered on { $date }{ $service ->
    [none] {""}
   *[other] {" "}by { $service }
}.
home-interview-open = Record it
home-interview-open-label = Record the return interview for { $name }
home-open-record = Open the record
home-open-record-label = Open the record of { $name }'s episode

## Durations

elapsed-short = { $days ->
    [0] { $hours ->
        [0] { $minutes } min
       *[other] { $hours } h { $minutes } min
    }
   *[other] { $days } d { $hours } h { $minutes } min
}

## Add a child

add-child-heading = Add a child
add-child-intro = Fields marked * are needed. You can add the rest of the missing-person profile later.
field-name-latin = Name in Latin letters *
field-name-latin-hint = As on their documents, or as they say it.
field-name-own-script = Name in the child's own script
field-name-own-script-hint = For example in Arabic, Pashto or Tigrinya letters. Optional.
field-dob = Date of birth *
field-dob-hint = If not known, the assessed or claimed date.
field-languages = Languages the child speaks
field-languages-hint = Separate with commas, for example: Tigrinya, Arabic
field-flags = Risk flags
field-unaccompanied = Unaccompanied: came to the UK without a parent or carer
field-trafficked = Suspected or confirmed victim of trafficking
field-flags-hint = If either is ticked and the child goes missing, Harbour tells you to call 999 at once.
field-team = Which home or household
field-team-hint = The child's record, contacts and help numbers are this home's. Only its staff see them.
field-team-choose = Choose…
team-unnamed = Home not named yet
field-photo = Recent photo
field-photo-hint = A clear, recent photo of the face helps police. JPEG or PNG. Optional.
field-photo-chosen = Photo chosen: { $file }
form-save = Save child
form-saving = Saving…
form-cancel = Cancel
form-has-errors = Please correct the fields marked below. Nothing has been saved yet.
form-saved = { $name } has been saved.

## Errors shown next to a field

error-name-required = Enter the child's name in Latin letters.
error-name-too-long = This name is too long. Use at most 200 characters.
error-dob-required = Enter a date of birth. If it is not known, use the assessed or claimed date.
error-dob-not-a-date = This is not a date. Use the date picker, or day, month and year.
error-dob-in-future = The date of birth cannot be in the future.
error-dob-too-old = This date makes the child older than 25. Check the year.
error-language-too-long = One of these languages is too long. Separate languages with commas.
error-languages-too-many = Record at most 12 languages.
error-photo-too-large = This photo is too large. Choose one under 20 MB.
error-photo-unreadable = This file could not be read as a photo. Choose a JPEG or PNG picture.
error-last-seen-in-future = The last-seen time cannot be in the future.
error-last-seen-not-a-time = This is not a time. Type it as day/month/year and 24-hour time, for example 01/12/2026 16:09.
error-field-invalid = Check this field.

## Errors not tied to one field

error-storage = Harbour could not save this. Everything saved before is safe. Try again, and tell your manager if it keeps happening.
error-not-found = This record could not be found. It may have been removed.
error-backend = Harbour could not reach its records. Restart Harbour; if that does not help, tell your manager.
error-child-already-missing = Already reported missing. Here are the steps.
error-user-name-required = Enter your name.
error-user-name-too-long = This name is too long. Use at most 80 characters.
error-user-name-taken = Someone here already has this name. Add a surname or an initial.
error-pin-too-short = Use at least 6 characters. A passphrase of a few words is better.
error-pin-too-long = Use at most 128 characters.
error-pin-too-simple = This PIN is too easy to guess. Avoid repeated or consecutive digits.
error-pin-mismatch = The two PINs are not the same. Type them again.
error-auto-lock-range = Choose between 1 and 240 minutes.
error-recovery-key-mistyped = This is not the recovery key as it was written: a letter or digit is wrong or missing. Check it group by group.
error-wrong-pin = That name or PIN is not right. Nothing has been changed.
error-unlock-wait = Too many wrong tries. Wait, then try again.
error-locked = Harbour has locked. Unlock to carry on; nothing was lost.
error-user-disabled = This user can no longer unlock Harbour. Ask your administrator.
error-not-allowed = Your role does not allow this. Ask your manager.
error-not-set-up = Harbour has not been set up here yet.
error-already-set-up = Harbour is already set up here. Nothing has been changed.
error-weak-passphrase = Use a passphrase of at least 16 characters: a few words the other home writes down as you read them out.
error-transfer-refused = That file was not taken in: it is not a Harbour transfer package, it was changed or damaged on the way, or the passphrase is not the one it was made with. Nothing was written. Check the passphrase with the home that sent it, or ask them to make the package again.
error-already-here = That child's record is here already. Nothing was written.
error-read-only-record = This child's record here is read-only: it was moved to another team, or joined to another record of the same child. What it holds is kept. Write new notes in the record the child has now.
error-move-missing-now = A child who is missing now stays with the team that reported them until they are found. Record them found, then move them.
error-not-in-that-team = You can only move a child to a team this computer holds and you are a member of. Nothing was changed.
error-cannot-merge = Those two records cannot be joined: choose two different children of the same team, neither already joined to another record. Nothing was changed.
error-no-one-can-sign-in = This computer reached the team's hub, but no one of the team can sign in here yet. Ask a member of the team to sign in once on a computer that is already joined, then ask for a new invitation code and join again. Nothing was kept on this computer.
error-store-damaged = Harbour's records file is damaged or incomplete, so it was not opened and has not been changed. Do not delete it. Tell your manager, and restore the latest backup onto a working computer.
error-key-file-damaged = Harbour's key file is damaged, so the records cannot be unlocked. Nothing has been changed. Tell your manager, and restore the latest backup.
error-too-new = This was made by a newer version of Harbour. Update Harbour, then try again. Nothing has been changed.
error-not-a-backup = This file is not a Harbour backup.
error-backup-damaged = This backup is incomplete or has been changed, so it was not restored. Nothing has been changed. Try another copy.
error-device-secret-unavailable = Harbour could not reach this computer's keyring, which holds part of its key. Sign in to the computer again, then try once more. You can still use "Child missing" and the child's help from this screen.
error-device-secret-missing = This computer does not hold the key for these records: they were made on another computer, or its keyring was reset. Nothing has been changed. Ask your administrator to restore the latest backup with the organisation's recovery key. You can still use "Child missing" and the child's help from this screen.
error-key-not-recognised = This sign-in is not one Harbour's records know, so it was refused and your administrator will see that it was tried. Ask your administrator.
error-no-recovery-key = There is no recovery key yet, so no backup can be made: a backup opens only with it. An administrator makes one in Settings, under "Keeping these records safe", and keeps it somewhere safe.
error-wrong-recovery-key = This is not the recovery key this backup was made with. Nothing has been changed. Check you have the key that was current when the backup was made.
error-key-file-missing = Harbour's records are here, but their key file (harbour.keys) is missing, so they cannot be unlocked. Nothing has been changed or removed. Tell your manager: put the key file back, or restore the latest backup with the recovery key into a new folder.
error-recovery-key-not-current = This is no longer the recovery key: a newer one has been made since, so nothing was printed. The newer key is the one to keep.
error-not-a-demo = Sample children go only into a demonstration store, never beside real records. To try Harbour with made-up children, give a new, empty folder: harbour --data-dir NEW-FOLDER demo
error-sync-out-of-order = The hub sent records that do not follow on from those on this computer, so none of them were taken in. Nothing here was changed. Tell your administrator: the hub may have been restored from an old copy.
sync-error-revoked = This computer has been removed from the hub, so it no longer sends or receives this home's records, and they are locked on it: they are no longer shown here. Nothing was deleted. If this computer was not lost or stolen, ask your administrator.
sync-error-not-enrolled = The hub does not know this computer. Ask your administrator for a new invitation code and join again; nothing here was lost.
sync-error-wrong-key = This computer's key for the team is not the one the hub's team uses, so nothing was sent. Ask your administrator for a new invitation code from a computer already in the team.
sync-error-diverged = The hub's copy of some records differs from this computer's. Nothing was changed or thrown away on either side. Tell your administrator: the hub or this computer may have been restored from an old copy.
sync-error-busy = The hub is busy. Harbour will try again in a few minutes; nothing needs doing.
sync-error-refused = The hub refused the records. Nothing here was changed. Tell your administrator, and keep working: records are kept on this computer until they can be sent.
sync-error-unreachable = The hub cannot be reached (no network, or the hub is off). Keep working: records are kept on this computer and sent when the hub can be reached.
sync-error-malformed = The hub's answer could not be read. Nothing here was changed. Tell your administrator: the hub may need updating.
sync-error-storage = Records could not be saved on this computer, so nothing from the hub was taken in. Check that the disk is not full, then sync again.
sync-error-unreadable = A record from the hub cannot be opened with this team's key, so syncing stopped there. Nothing here was changed. Tell your administrator.
sync-error-no-progress = The hub stopped sending part way. Nothing here was lost; Harbour will try again in a few minutes.
sync-error-bad-join-token = The hub did not accept that token: it was mistyped, or it has been used already (each token is for one computer, once). Ask the hub's administrator for a new one.
sync-error-wrong-team = That token is for another team. Ask the hub's administrator for a token for this team.
sync-error-wrong-certificate = The hub did not show the certificate this computer was given for it, so nothing was sent: something else may be answering in its place. Tell your administrator before syncing again.
sync-invite-not-a-code = That is not a Harbour invitation code. It starts with HARBOUR- and comes from a computer already in the team.
sync-invite-newer = That invitation was made by a newer Harbour. Update Harbour on this computer first, then use the code again.
sync-invite-damaged = That invitation code is damaged or mistyped. Check it, or ask for a new one.
sync-already-joined = This computer has already joined a hub for that team.
sync-not-joined = This computer has not joined a hub for that team yet.
sync-bad-fingerprint = That is not a certificate fingerprint: it is the 64 letters and digits harbour-hub printed when it started.
sync-bad-address = The hub's address is not one Harbour can use. It looks like https://hub.example.org:8470.
sync-last = Synced { $time }
sync-never = Not synced yet
sync-waiting = { $count ->
    [0] nothing waiting to go
    [one] 1 record waiting to go
   *[other] { $count } records waiting to go
}
sync-running = Syncing with the hub…
sync-progress-label = Records received from the hub
sync-progress = { $got } of { $of } records received
sync-now = Sync now
sync-title = Sync with a hub
sync-intro = A hub lets the computers of a home or a local authority team see each other's records. Each computer keeps working without a network; records go and come when the hub can be reached. The hub stores them locked with the team's key and cannot read them.
sync-team-id = The team's ID, for the hub's administrator (harbour-hub token --team):
sync-leave = Stop syncing with this hub
sync-leave-sure = Stop syncing? This home's records stay on this computer, but no longer go to or come from the other computers until it joins a hub again.
sync-leave-yes = Yes, stop syncing
sync-leave-no = Cancel
sync-none = This computer does not sync with a hub: its records are on this computer only.
sync-join-title = Join a hub
sync-join-first-hint = For the first computer of a team: the hub's address and a one-time token from the hub's administrator. If the hub made its own certificate, also the fingerprint it printed when it started.
sync-hub = Hub address
sync-fingerprint = Certificate fingerprint (if the hub made its own)
sync-token = One-time token from the hub's administrator
sync-code = Invitation code
sync-your-pin = Your PIN
sync-your-pin-hint = So that you can sign in on the team's other computers with the same name and PIN.
sync-joined = This computer has joined the hub, and its records were sent.
sync-joining = Joining…
sync-join = Join
sync-join-with-code = Join with an invitation code instead
sync-join-first = This is the team's first computer to join this hub
sync-invite-title = Invite another computer
sync-invite-hint = Ask the hub's administrator for a one-time token for this team (they need the team's ID above), then make an invitation code for the other computer. The code carries the team's key: take it to the other computer yourself (typed in, or on a USB stick you keep with you). Never send it by e-mail or text message.
sync-invite-made = Invitation code made. Enter it on the other computer (Join a team, on its first screen); it works once.
sync-invite = Make an invitation code
changed-twice-title = Changed on two computers
changed-twice-intro = These were changed on two computers at the same time, before either had the other's change. Every computer shows the one saved last. Choose which is right; your choice goes to every computer.
changed-twice-keep = Keep “{ $value }”
changed-twice-use = Use “{ $value }” instead
changed-twice-by = saved by { $name }, { $time }
changed-twice-empty = (empty)
changed-twice-yes = Yes
changed-twice-no = No
setup-join-team = This computer joins a team that already uses Harbour
join-team-title = Join a team
join-team-intro = Type in the invitation code made on one of the team's computers (Settings, Invite another computer). This computer then gets the team's records, and the team's staff sign in with the name and PIN they already use.
join-team-cancel = Set up a new home instead
join-team-done = This computer has joined the team
join-team-who = These members of staff can sign in here with the name and PIN they use on the team's other computers:
join-team-sign-in = Go to sign in
error-not-an-admin = There is no administrator of these records with that name. Type the name of an administrator exactly as Harbour knows it.
error-keys-not-replaced = The user is disabled, but Harbour could not yet replace the records' key because they are open in another Harbour window. Close other Harbour windows, then choose "Replace the key" in Settings.
error-audit-broken = The audit record has been changed or cut, from entry { $entry }. Tell your manager.
error-episode-closed = This episode is closed. Report them missing again if they have gone again.
error-already-found = Their return is already recorded.
error-not-back-yet = Record that they have been found or have come back first.
error-police-reference-required = Enter the police reference number.
error-update-required = Write what happened.
error-text-too-long = This is too long. Shorten it.
error-found-in-future = The time found cannot be in the future.
error-found-before-last-seen = The time found cannot be before they were last seen.
error-time-in-future = This time is in the future. Check the date and the time.
error-back-before-found = The time back at the placement cannot be before they were found.
error-interview-before-return = This cannot be before they came back. Check the date and the time.
error-interview-already-held = The return interview is already recorded as held.
error-interview-by-required = Write who held it (their name and service).
error-spoke-to-required = Write who you spoke to.
error-reoffer-not-a-date = Type the date it will be offered again as day/month/year, for example 08/12/2026, or leave it empty.
error-not-a-day-time = Type the date and time as day/month/year and 24-hour time, for example 01/12/2026 16:09.
unlock-wait = You can try again in { $seconds ->
    [one] { $seconds } second
   *[other] { $seconds } seconds
}.

## The child is missing: the steps

steps-heading = { $name } is missing
steps-away-heading = { $name } is away from placement
steps-away-intro = { $name } is away from placement without authorisation: where { $name } is, is known ({ $where }). Agree the return, and treat it as missing the moment you are worried or no longer know where { $name } is.
step-away-agree-return = Contact { $name }, or whoever { $name } is with, and agree how and when { $name } comes back. Write down in the log who you spoke to.
step-away-if-concern = If you no longer know where { $name } is, or you become worried, press "Now missing" below and follow the missing steps at once.
away-title = We know where { $name } is (away from placement without authorisation)
away-hint = { $name } is not where they should be, but you know where. Check your local protocol: it may still say to tell police.
away-where = Where { $name } is, and with whom
away-save = Record that { $name } is away, whereabouts known
away-recorded = Away from placement without authorisation since { $time }: { $where }.
away-escalated = For { $name } this is treated as missing, and the steps above stay: unaccompanied and suspected-trafficked children are at risk even when their whereabouts seem known (for example "with an uncle").
away-now-missing = Now missing: we no longer know where { $name } is
home-away-banner = AWAY, whereabouts known · for { $elapsed }
error-whereabouts-required = Write where they are, and with whom.
error-already-away = This is already recorded as away.
error-not-away = Only an away record can be turned into missing.
steps-escalated-intro = { $adult ->
    [yes] { $name } is 18 or over and a care leaver who { $reason ->
        [unaccompanied] came to the UK as an unaccompanied child.
       *[other] may have been trafficked.
    } The risk from traffickers does not end at 18.
   *[no] { $reason ->
        [unaccompanied] { $name } is an unaccompanied child.
        [trafficked] { $name } is suspected to have been trafficked.
       *[both] { $name } is an unaccompanied child suspected to have been trafficked.
    }
} Call 999 first, before you search. Then, while you wait for police, do the quick checks below and tell police what you find.
steps-danger-intro = { $name }'s records say { $name } may be in immediate danger. Call 999 first, before you search. Then, while you wait for police, do the quick checks below and tell police what you find.
steps-standard-intro = There is no 24-hour waiting rule. Do these checks quickly, note the time of each, then report to police.
steps-reported-at = Reported in Harbour at { $time }.
steps-lock-later = While these steps are open, Harbour locks only after { $minutes } minutes without a key press or click: at { $time } if nothing is pressed before then.
steps-last-seen = Last seen at { $time } · missing for { $elapsed }
steps-last-seen-label = When was { $name } last seen?
steps-last-seen-save = Save last-seen time
steps-last-seen-saved = Last-seen time saved.
steps-police-grade = { $nation ->
    [scotland] Police decide how to respond. For a looked-after child they may treat it as "Absent" (no apparent or a tolerable risk: the local authority leads) or "Missing" (police lead; low, medium or high risk). If you have immediate concerns, report at once. Write down what they decide and the reference number they give you.
   *[other] Police decide the risk grade. Write down the grade and the reference number they give you.
}
steps-back = Back to the children
steps-list-heading = Do these now, in order

step-call-999-now = Call 999 now. Tell the call handler that { $name } is { $reason ->
    [unaccompanied] an unaccompanied child
    [trafficked] suspected to have been trafficked
   *[both] an unaccompanied child suspected to have been trafficked
}, is looked after, and has been missing since { $time }. Ask for { $name } to be treated as high risk: children like { $name } are often taken back by traffickers within hours. { $nation ->
    [scotland] Ask for this to be treated as Missing, not Absent.{" "}
   *[other] {""}
}Say { $form ->
    [none] { $nation ->
        [wales] a Child Information Form
       *[other] a Philomena form
    }
   *[other] the { $form }
} is ready, and ask where to send it.
step-call-999-adult = Call 999 now. Tell the call handler that { $name } is 18 or over and a care leaver who { $reason ->
    [unaccompanied] came to the UK as an unaccompanied child
   *[other] may have been trafficked
}, has been missing since { $time }, and that the risk from traffickers does not end at 18. Ask for a high-risk response. Say { $form ->
    [none] { $nation ->
        [wales] a Child Information Form
       *[other] a Philomena form
    }
   *[other] the { $form }
} is ready, and ask where to send it.
step-call-999-medical = { $first ->
    [yes] Call 999 now.
   *[no] Tell the call handler too:
} { $danger ->
    [self_harm] { $name }'s records say { $name } is at risk of harming themselves.
    [medication] { $name } needs critical medication and may not have it with them.
   *[both] { $name }'s records say { $name } is at risk of harming themselves, and { $name } needs critical medication and may not have it with them.
} Say what the medication or the risk is, and ask for an ambulance if it is needed.
step-call-999-when = { $name }'s plan says call 999 at once if: { $when }
step-while-waiting = While you wait for police: search the home and grounds, call and text { $name }, look for notes, and make the checks agreed in { $name }'s plan (below). Tell the police at once what you find. Do not leave other children alone to do this.
step-call-999-if-danger = If you think { $name } is in immediate danger, call 999 now. Do not wait to finish the checks below.
step-search-home = Search the home and grounds. Children can hide in small spaces.
step-call-text-child = Call and text { $name }'s phone.
step-check-messages = Look for messages or notes they may have left.
step-contact-friends = Contact friends, family and school, as agreed in { $name }'s plan.
step-contact-friends-adult = Contact friends, family, and college or work, as agreed in { $name }'s plan. Talk to { $name }'s personal adviser before contacting family.
step-known-places = Call the places they are known to go. Only go out to look if another adult stays with the other children and it is safe for you to go. Do not let this delay the call to police.
step-report-police = { $nation ->
    [northern_ireland] Report to the PSNI: 999 if in danger, otherwise 101. Say a Philomena form is available and send it.
    [wales] Report to police: 999 if in danger, otherwise 101. Say a Child Information Form is available and send it.
   *[other] Report to police: 999 if in danger, otherwise 101. Say a Philomena form is available and send it.
}
step-police-reference = Write down the police reference number and the name of the officer or call handler.
step-notify-manager = Tell the registered manager or the on-call manager.
step-notify-social-worker = { $nation ->
    [northern_ireland] Tell { $name }'s social worker at the HSC Trust, or the Regional Emergency Social Work Service out of hours. If { $name } is placed from another Trust, tell the host Trust too.
    [scotland] Tell { $name }'s social worker, or out-of-hours social work. If { $name } is placed out of area, tell the host authority too.
   *[other] Tell { $name }'s social worker, or the Emergency Duty Team out of hours. If { $name } is placed out of area, tell the host authority too.
}
step-notify-personal-adviser = Tell { $name }'s personal adviser or the leaving care team, or the out-of-hours social work service.
step-no-relatives-adult = Do not contact relatives, or people who say they are family, before talking to { $name }'s personal adviser: they may be linked to the people who brought { $name } to the UK or to those exploiting them.
step-notify-guardian = { $nation ->
    [scotland] If { $name } has a guardian from the guardianship service, tell them.
    [northern_ireland] If { $name } has an Independent Guardian, tell them.
   *[other] If { $name } has an Independent Child Trafficking Guardian (ICTG), tell them.
}
step-no-relatives = Do not contact relatives, or people who say they are family, without the social worker's agreement: they may be linked to the people who brought { $name } to the UK or to those exploiting them.
step-notify-parents = Tell parents or others with parental responsibility, where this is appropriate and safe.
step-keep-trying = Keep trying to contact { $name }. Pass anything new to police straight away: sightings, messages, bank or phone activity.

## Numbers

numbers-heading = Numbers
number-999 = Police emergency: 999 (112 also works)
number-101 = Police, not an emergency: 101
number-116000 = Runaway Helpline: call or text 116 000. Free and confidential for children and young people; texting works even with no credit.
number-childline = Childline: 0800 1111

## The child's profile (Philomena Protocol Part 1, domain.md §1.1)

profile-title = Profile: { $name }
profile-open = Profile
profile-intro = Keep this ready for the police. Check each part at least every 28 days, after every missing episode, and whenever the photo, phone numbers or people change.
profile-edit = Edit
profile-save = Save
profile-cancel = Cancel
profile-still-right = Checked, still right
profile-saved = Saved. Checked by you now.
profile-empty = Nothing recorded yet.
profile-yes = Yes
flag-history = { $flag } { $set ->
    [yes] marked
   *[no] cleared
} { $time }{ $by ->
    [none] {""}
   *[other] {" "}by { $by }
}{ $reason ->
    [none] {""}
   *[other] : { $reason }
}
flag-clear-warning = Clearing this flag means a missing report no longer puts "Call 999 now" first. Only a manager or administrator can clear it.
flag-clear-reason = Why is this no longer so? (for example the NRM decision or the age assessment)
error-flag-reason-required = Write why the flag is cleared.
error-team-required = Choose which home or household this child lives in.
error-team-name-too-long = Keep the name to 80 characters or fewer.
profile-not-recorded = Not recorded
profile-no = No
profile-reviewed = Checked by { $name } on { $date }
profile-reviewed-unknown = Checked on { $date }
profile-due-never = Not checked yet
profile-due-after-episode = Check now: { $name } came back from a missing episode on { $date }
profile-due-key-change = Check now: { $section } changed on { $date }
profile-due-stale = Check now: last checked more than 28 days ago
profile-due-count = { $count ->
    [one] 1 part of the profile needs checking
   *[other] { $count } parts of the profile need checking
}
profile-photo-none = No photo yet. Police need a recent photo.
profile-photo-no-date = The photo has no date. Record when it was taken under Photos.
profile-photo-old = The photo was taken on { $date }, more than 3 months ago. Take a new one.
profile-full-photo-none = No full-length photo yet. It shows the police height, build and how { $name } usually dresses.
profile-full-photo-no-date = The full-length photo has no date. Add it again with the date it was taken.
profile-full-photo-old = The full-length photo was taken on { $date }, more than 3 months ago. Take a new one.
profile-back = Back to the list
profile-core-details = Name, date of birth, languages and the two flags: recorded when the child was added, and corrected here.
profile-core-edit = Change these details
profile-sensitive = Sensitive: never printed on the grab sheet.
profile-lines-hint = One per line.
profile-unaccompanied = Unaccompanied
profile-trafficked = Suspected trafficked

section-identity = Identity
section-legal = Legal status and who is responsible
section-description = Description
section-photos = Photos
section-health = Health and medication
section-phones = Phones and online accounts
section-money-travel = Money and travel
section-people = People
section-places = Places
section-education = Education and activities
section-history = Missing history
section-risks = Risks and warning markers
section-instructions = Agreed steps before reporting
section-own-words = In the child's own words

pf-aliases = Other names, nicknames and spellings (also in the child's own script)
pf-age-disputed = Age is disputed
pf-age-assessment = Age assessment
pf-age-assessment-pending = Pending
pf-age-assessment-age-accepted = Age accepted as claimed
pf-age-assessment-assessed-older = Assessed as older than claimed
pf-age-assessment-assessed-younger = Assessed as younger than claimed
pf-age-assessment-on = Age assessment outcome on
pf-gender = Gender
pf-nationality = Nationality
pf-ethnicity = Ethnicity
pf-interpreter = Interpreter needed (language and dialect)
pf-religion = Religion
pf-looked-after-on = Became looked after on
pf-placed-here-on = Came to this placement on
pf-legal-status = Looked-after status (for example section 20, care order, interim order)
pf-placing-authority = Placing local authority
pf-social-worker = Social worker and team
pf-social-worker-phone = Social worker's phone
pf-edt-phone = Emergency Duty Team (out of hours) phone
pf-iro = Independent Reviewing Officer
pf-guardian = Independent Child Trafficking Guardian or advocate
pf-immigration-status = Immigration status
pf-home-office-reference = Home Office reference
pf-nrm-status = National Referral Mechanism (NRM) notes
pf-guardian-status = Guardian service
pf-guardian-status-referred = Referred
pf-guardian-status-allocated = Guardian allocated
pf-guardian-status-declined = Declined
pf-guardian-status-not-available = Not available here
pf-guardian-status-on = Guardian service status since
pf-nrm-referred-on = NRM referral made on
pf-nrm-first-responder = NRM referral made by (first responder)
pf-nrm-reasonable-grounds = NRM reasonable grounds decision
pf-nrm-reasonable-grounds-awaited = Awaited
pf-nrm-reasonable-grounds-positive = Positive
pf-nrm-reasonable-grounds-negative = Negative
pf-nrm-reasonable-grounds-on = Reasonable grounds decision on
pf-nrm-conclusive-grounds = NRM conclusive grounds decision
pf-nrm-conclusive-grounds-awaited = Awaited
pf-nrm-conclusive-grounds-positive = Positive
pf-nrm-conclusive-grounds-negative = Negative
pf-nrm-conclusive-grounds-on = Conclusive grounds decision on
pf-trafficking-identified = Trafficking identified (not only suspected)
pf-trafficking-identified-nrm-decision = By an NRM decision
pf-trafficking-identified-local-authority-assessment = By the local authority's assessment
pf-trafficking-identified-on = Trafficking identified on
pf-uasc-ceased-on = No longer an unaccompanied child on
pf-placement-ended-on = Placement here ended on
pf-height = Height
pf-build = Build
pf-hair = Hair (colour, style, length)
pf-facial-hair = Facial hair
pf-eyes = Eye colour
pf-glasses = Glasses or contact lenses
pf-skin = Skin tone
pf-marks = Scars, tattoos, piercings, birthmarks
pf-accent = Accent
pf-clothing-style = Usual style of clothing
pf-photo-taken-on = Date the photo was taken
pf-full-photo-taken-on = Date the full-length photo was taken
pf-photo-notes = Other photos and where they are kept
pf-conditions = Medical conditions
pf-medication = Medication
pf-critical-medication = Medication is critical if missed
pf-allergies = Allergies
pf-mental-health = Mental health
pf-self-harm-risk = Risk of self-harm or suicide
pf-substance-use = Alcohol or drug use
pf-communication-needs = Disabilities or communication needs
pf-gp = GP (doctor) and surgery
pf-mobile-numbers = Mobile numbers
pf-handset = Phone make and model
pf-network = Network
pf-other-sims = Other SIM cards
pf-email = Email
pf-accounts = Social media and messaging accounts (app and username)
pf-bank-cards = Bank account or cards
pf-cash = Cash: how much they usually carry
pf-travel-cards = Travel cards
pf-transport = Transport they use
pf-routes = Routes and stations they use
pf-family = Family (in the UK and abroad)
pf-friends = Friends
pf-associates = Associates (name, nickname, phone, address, vehicle)
pf-persons-of-concern = People of concern, or linked to exploitation or trafficking
pf-do-not-disclose = Do NOT give information to
pf-locations = Places they may go (address, why it matters, contact)
pf-previous-addresses = Previous addresses
pf-found-before = Where they were found before
pf-venues = Community and faith places, shops, takeaways, car washes, hotels
pf-school = School or college
pf-designated-teacher = Designated teacher
pf-activities = Work, clubs and activities
pf-earlier-episodes = Missing episodes before Harbour (dates, where found, who with, how long)
pf-patterns = Patterns and triggers; what return interviews found
pf-risk-cse = Child sexual exploitation
pf-risk-cce = Criminal exploitation or county lines
pf-risk-debt-bondage = Debt bondage
pf-risk-radicalisation = Radicalisation
pf-risk-gangs = Gang links
pf-risk-weapons = Carries weapons
pf-risk-to-others = Risk to others
pf-warning-markers = Other warning markers
pf-reasonable-steps = Checks to make before calling the police (agreed in the plan)
pf-call-999-when = Call 999 at once if
pf-feel-safe = What helps them feel safe
pf-trusts = Who they trust
pf-wants-adults-to-know = What they want adults to know
pf-recorded-with-child = Written with the child
error-date-not-a-date = Enter a date, for example 2026-03-31.
error-date-in-future = This date is in the future.
profile-open-label = Open { $name }'s profile
sheet-critical-medication = CRITICAL IF MISSED:
sheet-age-disputed = (age disputed)

## Part 2: this episode (domain.md §1.1 Part 2)

part2-title = What is known about this episode
part2-intro = Fill in what you know now and save; add more as you learn it. Police will ask for all of this.
part2-save = Save these details
part2-saved = Saved at { $time }.
part2-clothing = What they were wearing
part2-took = What they took with them
pf-where-last-seen = Where they were last seen
pf-seen-by = Who saw them last
pf-with-whom = Who they were with
pf-direction = Which way they went
pf-may-be-going = Where they may be going
pf-clothing-head = Head (hat, hood, scarf)
pf-clothing-upper = Top
pf-clothing-lower = Trousers, skirt or shorts
pf-clothing-footwear = Shoes
pf-clothing-outerwear = Coat or jacket
pf-clothing-jewellery = Jewellery, watch, glasses
pf-clothing-bags = Bags
pf-took-phone = Phone
pf-took-cash = Cash
pf-took-bank-card = Bank card
pf-took-id = ID documents
pf-took-medication = Medication
pf-took-charger = Phone charger
pf-took-clothes = Spare clothes
pf-took-other = Anything else they took
pf-mood = Mood and behaviour before they left
pf-trigger = Anything that may have set it off (a Home Office letter, an age assessment, a phone call, a visitor)
pf-out-of-character = Going missing is out of character for them
pf-steps-taken = What has been done to find them, and what came of it
timeline-title = Missing episodes recorded in Harbour
timeline-none = None recorded in Harbour.
timeline-count = { $count ->
    [one] 1 missing episode recorded in Harbour
   *[other] { $count } missing episodes recorded in Harbour
}
timeline-now = now
timeline-when = Last seen
timeline-how-long = Missing for
timeline-where-found = Where found
timeline-still-missing = Still missing

## Agreed checks and the call script (domain.md §2.4–2.5)

checks-title = Checks agreed in the plan
checks-none = No checks are agreed in the profile yet. Add them under "Agreed steps before reporting". Do not delay calling the police to search.
checks-done-now = Done
checks-done-label = Mark done now: { $check }
checks-done-at = Done at { $time }
script-title = What the police will ask
script-intro = Tell the call handler you have { $nation ->
    [wales] a Child Information Form
   *[other] a Philomena Protocol profile
} for { $name }. Read the answers below.
script-not-recorded = Not recorded yet
script-q-last-seen = Where, when and by whom were they last seen?
script-q-description = What do they look like, and what were they wearing?
script-q-photo = Do you have a recent photo?
script-q-enquiries = What has been done to find them so far?
script-q-character = Is this out of character?
script-q-previous = Have they gone missing before? What happened then?
script-q-going = Where might they be going?
script-q-phone = What is their mobile number? Do they have it with them?
script-q-people = Who are their family, friends and associates?
script-q-online = Which online accounts do they use?
script-q-medication = Do they need medication? Do they have it with them?
script-q-risk = Is there anything that makes them more at risk?
script-seen-by = seen by { $who }
script-with = with { $who }
script-photo-yes = Yes, in Harbour and on the grab sheet.
script-photo-none = No photo in Harbour.
script-photo-no-date = Yes, but when it was taken is not recorded.
script-photo-old = Yes, but it was taken on { $date }, more than 3 months ago.
script-previous-count = { $count ->
    [one] 1 earlier episode recorded in Harbour
   *[other] { $count } earlier episodes recorded in Harbour
}
script-took-phone = They took their phone.
script-medication-with-them = they took it with them
script-medication-not-taken = not recorded as taken with them

## Once the child is back (domain.md §2.4 step 7)

return-police-told = Tell the police { $name } is back, straight away.
return-safe-and-well = Police safe and well check done.
return-everyone-told = The social worker or EDT, and everyone told earlier, know { $name } is back.
return-health-checked = Health and any injuries checked, calmly and without blame.
return-strategy = { $nation ->
    [scotland] Manager has considered an Inter-agency Referral Discussion (IRD), and an NRM referral if trafficking or exploitation is suspected.
   *[other] Manager has considered a strategy meeting, and an NRM referral if trafficking or exploitation is suspected.
}
return-first-days = { $name } went missing within days of coming into care or to this placement. Statutory guidance says to treat { $name } as a potential victim of trafficking: consider marking { $name } as suspected trafficked, and make sure a first responder makes a National Referral Mechanism referral.
return-first-days-mark = Mark { $name } as suspected trafficked
return-profile-due = Every part of { $name }'s profile is now due for a check, and the risk checklists are due again: update them with what was learned.

## Where Harbour is used (domain.md §2.4 step 5, §2.6)

org-title = Where Harbour is used
org-intro = These apply to every child here. The nation sets the words used (Scotland: return discussion; Wales: Child Information Form). Check numbers against your local protocol: Harbour does not build them in.
org-nation = Nation
org-home-kind = Kind of home
org-save = Save
org-saved = Saved.
org-on-call = Registered manager or on-call manager
org-on-call-hint = Name and phone number, shown on every child's list of who to tell.
org-host-authority = Host local authority
org-host-authority-hint = The council where this home is, for children placed from elsewhere: name and phone.
org-fostering-agency = Supervising social worker or fostering agency
org-fostering-agency-hint = For foster homes: name and phone.
org-regulator = Regulator
org-regulator-hint = For children's homes and supported accommodation: who to notify and how. England: Ofsted (online form with the home's URN; 0300 123 1231 if urgent). Wales: Care Inspectorate Wales. Scotland: the Care Inspectorate. Northern Ireland: RQIA. Check the details with your local protocol.
org-regulator-events = Events the regulator must be told about
org-regulator-events-hint = { $nation ->
    [england] { $home ->
        [childrens_home] Leave empty to show Harbour's summary of Regulation 40 of the Children's Homes (England) Regulations 2015, or write your own checked list.
       *[other] Harbour does not hold this list for your kind of home. Write the list your regulator publishes, checked by your manager; it is shown when the manager decides after an episode.
    }
   *[other] Harbour does not hold this list for your nation. Write the list your regulator publishes, checked by your manager; it is shown when the manager decides after an episode.
}
org-interview-timing = { $nation ->
    [scotland] When the return discussion falls due
   *[other] When the return interview falls due
}
org-interview-timing-hint = Counted from when the child or young person is back at the placement. Check it with your local protocol; the home screen and the child's help follow this setting.
org-interview-timing-usual = The usual timing for your nation: { $nation ->
    [scotland] arranged within { $arrange } hours and completed within { $hold } hours (a week)
   *[other] within { $hold } hours
}
org-interview-timing-own = This home's own timing
org-interview-arrange-hours = To be arranged within (hours; leave empty for no separate time)
org-interview-hold-hours = To take place within (hours, 24 to 720)
error-interview-timing = Choose between 24 and 720 hours for it to take place, and no more than that to arrange it.
org-ictg-line = Independent Child Trafficking Guardian service
org-ictg-line-hint = The service's phone line (Barnardo's ICTG referral and advice line: 0800 043 4303).
nation-england = England
nation-wales = Wales
nation-scotland = Scotland
nation-northern-ireland = Northern Ireland
home-kind-foster = Foster home
home-kind-childrens-home = Children's home
home-kind-supported = Supported accommodation (16 and 17-year-olds)
regulator-name = { $nation ->
    [wales] Care Inspectorate Wales
    [scotland] the Care Inspectorate
    [northern_ireland] RQIA
   *[other] Ofsted
}
reg-title = { $nation ->
    [england] { $home ->
        [childrens_home] Registered manager: does Ofsted need to be told (Regulation 40)?
       *[other] Manager: does Ofsted need to be told?
    }
   *[other] Manager: does { $regulator } need to be told?
}
reg-hint-regulation-40 = A routine missing episode is not always a Regulation 40 notification. A high-risk episode, sexual exploitation, trafficking, or an incident the police treat as serious usually is. Decide and write down why.
reg-hint-home = The events this home must tell { $regulator } about, as set in Settings:
reg-hint-decide = Decide whether this episode is one of them, and write down why.
reg-hint-unchecked = Harbour does not hold { $regulator }'s list of events that must be notified{ $home ->
    [supported_accommodation] {" "}for supported accommodation
   *[other] {""}
}. Check its notification guidance with your manager and write the list into Settings, so it shows here. Then decide whether this episode must be notified, and write down why.
reg-reason = Why
reg-notify = Yes, { $regulator } is being notified
reg-not-needed = Not needed
reg-decided-notify = Decided at { $time }: the regulator is being notified.
notify-foster-regulator = In a foster home, the fostering service decides whether { $regulator } must be told about this episode. Make sure your supervising social worker knows.
reg-decided-not = Decided at { $time }: no notification needed.
error-reason-required = Write down why.
error-required = Fill this in.
photo-new-title = A new photo
photo-kind = Which photo
photo-kind-face = Face: head and shoulders, looking at the camera
photo-kind-full-length = Full length: standing, head to feet
photo-full-alt = Full-length photo of { $name }
photo-full-none = No full-length photo
photo-full-hint = A recent photo of the child standing, head to feet, in clothes they often wear. JPEG or PNG.
photo-kind-face-short = Face
photo-kind-full-length-short = Full length
photo-caption = { $kind }, taken { $date }
photo-new-save = Save the new photo
sheet-print-view = Print from a web page instead
print-view-title = Grab sheet: print view
print-view-print = Print
print-view-intro = The same page as the PDF, for your printer or "Save as PDF" in the print dialog. Use it if the PDF cannot be made. Each print is recorded.
print-view-printed = Printed { $time } from the print view
print-view-back = Back
org-carer-contact = Carer contact
org-carer-contact-hint = How police reach the carers: this home's or the foster carer's name and phone. Printed on the grab sheet.
org-episode-lock = Lock after this many minutes without use while a missing child's steps are open (10 to 240)
org-episode-lock-hint = A carer on hold to the police is not pressing keys: the steps and the call script must not lock away mid-call. Never shorter than the ordinary lock time.
error-episode-lock-minutes = Choose between 10 and 240 minutes.
org-police-form = What your police call the form they are given
org-police-form-hint = Leave empty for the usual name (Philomena form; Wales: Child Information Form). Not every force uses Philomena: check your local protocol, for example "grab sheet".

## Risk checklists: the screens (the questions themselves are in checklists.ftl)
checklists-open = Risk checklists
checklists-title = Risk checklists: { $name }
checklists-intro = Prompts for your professional judgement, never a score. Answer what you know: "not known" is a fair answer, and tells you what to find out. Talk any concern through with the social worker.
checklists-back = Back to the children
checklist-due-never = Not done yet.
checklist-due-after-episode = Due again: { $name } came back from a missing episode on { $date }.
checklist-due-stale = Due again since { $date }.
checklist-last = Last started { $date } · { $concerns ->
    [0] no concerns
    [one] 1 concern
   *[other] { $concerns } concerns
}{ $signed ->
    [yes] {" "}· signed off
   *[no] {""}
}
checklist-start = Start a new assessment
checklist-open-last = Open the latest
checklist-compare = Compare with the one before
checklist-version = Version { $version }
answer-yes = Yes
answer-no = No
answer-unsure = Unsure
answer-not-known = Not known
assessment-title = { $checklist }: { $name }
assessment-started = Started { $date } by { $by } · questions of version { $version }
assessment-why = Why this matters
assessment-sources = Source: { $sources }
assessment-evidence = What was seen or said (optional)
assessment-observed-by = Seen or heard by, if not you (optional)
assessment-answered = Answered { $time } by { $by }
assessment-save-note = Save the note
assessment-one-at-a-time = One question at a time
assessment-whole-list = The whole list
assessment-next = Next question
assessment-previous = Previous question
assessment-progress = Question { $n } of { $total }
assessment-concerns = Concerns to discuss
assessment-no-concerns = No concerns recorded.
assessment-to-find-out = Not known yet: try to find out
assessment-unanswered = { $count ->
    [one] 1 question not answered yet.
   *[other] { $count } questions not answered yet.
}
assessment-next-steps = Suggested next steps
assessment-back = Back to the checklists
next-social-worker = Talk these concerns through with { $name }'s social worker.
next-trafficked-flag = Consider marking { $name } as suspected trafficked. If { $name } then goes missing, Harbour says to call 999 at once, with no search first.
next-nrm = Make sure a first responder (for example the local authority or the police) makes a National Referral Mechanism (NRM) referral. For a child under 18 no consent is needed. If { $name } is 18 or over, the NRM needs their consent; if they do not consent, the first responder must still notify the Home Office (Duty to Notify, England and Wales).
next-strategy = Ask for a strategy discussion (for repeat episodes, sexual or criminal exploitation, or trafficking).
next-profile-plan = Record these in { $name }'s profile and agreed steps, and share the plan with the police in advance.
next-protective = Consider protective measures: an interpreter, a key worker, an agreed safety plan, agreed and proportionate phone checks, and a referral to an Independent Child Trafficking Guardian.
assessment-flag-trafficked = Mark { $name } as suspected trafficked
assessment-flag-set = { $name } is marked as suspected trafficked: a missing report now says to call 999 first.
assessment-sign-off = Sign off (managers)
assessment-sign-off-note = Note (optional)
assessment-sign-off-save = Sign off this assessment
assessment-signed-off = Signed off by { $by } on { $date }.
assessment-signed-off-note = Note: { $note }
compare-title = What changed since { $date }
compare-question = Question
compare-before = Before
compare-now = Now
compare-no-changes = No answer changed.
compare-not-asked = Not asked
compare-not-answered = Not answered
home-checklists-due = { $count ->
    [one] 1 risk checklist due
   *[other] { $count } risk checklists due
}
error-assessment-signed-off = This assessment is signed off. Start a new one to record new answers.
error-assessment-already-signed = This assessment is already signed off.
org-assessment-every = Risk checklists are due again after (months)
org-assessment-every-hint = A new one is also due after every missing episode. Usually 3 months.
error-assessment-months = Choose a number of months from 1 to 12.

## Help for the child: the staff side (the child's own words are in child.ftl)

review-status-source = Source text (English)
review-status-machine = Machine-translated, not yet reviewed by a qualified translator
review-status-reviewed = Reviewed by a qualified translator
help-ask-interpreter = I need an interpreter. My language is { $language }.
error-help-number = Write the number as digits and spaces, exactly as it is dialled (it may start with +).
error-help-time = Write the time as hours and minutes, like 09:00 or 23:00.
child-screen-exit = Staff: lock and leave
help-for-child-title = Help for { $name } in their language
help-for-child-intro = What a child needs to know, in words they can read: going missing is not a crime, the Runaway Helpline (call or text, free), Childline, 999 in danger, their rights, and how to ask for an interpreter. Show it on this screen, or give them a printed card to keep.
help-for-child-no-match = None of the languages in this profile has help in Harbour yet. Choose the language the child reads best, and ask for an interpreter.
help-language = Language
help-show-to-child = Show to child
help-show-to-child-hint = "Show to child" locks Harbour first, then fills the screen with the help alone; the child can change the language. To leave, press "Staff: lock and leave" and unlock with your PIN.
help-save-card = Save help card (PDF)
help-print-card = Print help card
help-card-saved = Help card saved: { $path }
help-card-printed = The help card was sent to the printer.
error-card-not-covered = The help card cannot be printed in this language yet. Show the help on the screen instead, and tell your manager.
error-card-failed = The help card could not be made. Show the help on the screen instead, or try again.
error-card-no-printer = No printer is set up on this computer. Save the help card as a PDF and print it from another computer.
error-card-printer-timeout = The printer did not take the help card within 30 seconds. Save it as a PDF and print it later or from another computer.
error-card-save-failed = The help card could not be saved. Check the folder is there and has space.
org-help-title = Numbers shown to children
org-help-intro = The numbers on the "Show to child" screen and the printed help card. Correct them here if a service changes its number; a child must be able to dial exactly what is shown.
org-help-runaway = Runaway Helpline (call or text)
org-help-childline = Childline
org-help-emergency = Emergency (police, ambulance)
org-help-emergency-alt = Emergency, the number that also works across Europe
org-help-police = Police, not an emergency
org-help-modern-slavery = Modern Slavery Helpline
org-help-hours = Runaway Helpline opening hours shown to children
org-help-hours-hint = The current hours could not be confirmed, so none are shown until you enter them. Older material says "24 hours"; a 2021 report says 9am to 11pm. Check with the Runaway Helpline before you choose.
org-help-hours-not-shown = Do not show opening hours
org-help-hours-daily = Every day, between these times
org-help-hours-always = Day and night, every day
org-help-runaway-from = From
org-help-runaway-to = To
translations-title = The child's help in other languages
translations-intro = The words a child sees on "Show to child" and the help card. Translations marked machine-translated have not been checked by a qualified translator yet: if you read the language, or work with an interpreter, check them and tell your manager what is wrong.
translations-col-language = Language
translations-col-own-name = In its own words
translations-col-status = Review
translations-col-complete = Complete
translations-count = { $have } of { $all } messages
translations-open = Check the wording
translations-table-caption = The child's help in { $language }, beside the English
translations-col-english = English
translations-missing = Missing, the English is shown:
lock-child-help = Help for a child, in their language (no records shown)

## Times typed as day/month/year and 24-hour time, on every machine

when-hint = Day/month/year and 24-hour time, for example 01/12/2026 16:09
when-echo = { $weekday } { $day } { $month } { $year }, { $time }
when-echo-ago = { $when }, { $elapsed } ago
when-minutes-ago = { $minutes ->
    [0] Just now
    [60] 1 hour ago
   *[other] { $minutes } minutes ago
}
weekday-monday = Monday
weekday-tuesday = Tuesday
weekday-wednesday = Wednesday
weekday-thursday = Thursday
weekday-friday = Friday
weekday-saturday = Saturday
weekday-sunday = Sunday
month-january = January
month-february = February
month-march = March
month-april = April
month-may = May
month-june = June
month-july = July
month-august = August
month-september = September
month-october = October
month-november = November
month-december = December

## Back at the placement, after the return, an episode ended with the child still missing

back-at-label = Back at the placement at (if later than found)
back-at-save = Record the time back
back-at-recorded = Back at the placement at { $time }. The time for the return interview runs from here.
after-return-heading = { $name }: after the return
after-return-back = Back to the children
after-return-closed = The missing episode was closed on { $time }. What follows the return can still be recorded here.
end-missing-title = The episode ends with { $name } still missing
end-missing-hint = Only if the placement has ended or { $name } has moved while still missing. { $name } is then counted as not found. If { $name } is found later, record it here.
end-reason = Why it ends
end-reason-placement-ended = The placement has ended
end-reason-child-moved = { $name } has moved to another placement or authority
end-missing-note = Note (who decided, and who now holds the case)
end-missing-save = End the episode with { $name } still missing
ended-missing-recorded = The episode ended on { $time } with { $name } still missing: { $reason }.

## A flagged child graded below high risk

step-grade-lower = { $nation ->
    [scotland] Police have not treated { $name } as high risk. Tell them why you are worried and ask for the decision to be reviewed. Ask for this to be treated as Missing, not Absent. Tell your manager, who can take it to the duty inspector. Write down who you spoke to.
   *[other] Police have given { $name } a grade lower than high risk. Tell them why you are worried and ask for the grade to be reviewed. Tell your manager, who can take it to the duty inspector. Write down who you spoke to.
}
grade-review-spoke-to = Who did you speak to?
grade-review-save = Record that I asked for a review
grade-review-recorded = Review asked at { $time }: spoke to { $who }.
police-grades-history = Grades given: { $grades }

## Records from other computers
arrivals-title = Records from other computers
arrivals-needs-update = { $count ->
    [one] One record came from a newer version of Harbour. It is kept safe; update Harbour on this computer to see it.
   *[other] { $count } records came from a newer version of Harbour. They are kept safe; update Harbour on this computer to see them.
}
arrivals-intro = Harbour checks every record that comes from another computer against the role of the person who wrote it. These could not be taken in as they came. None has been thrown away. Records that could keep a child safe (a child, a missing report, a flag) are shown to everyone while they wait to be checked.
arrivals-written = Written
arrivals-what = What
arrivals-by = By
arrivals-why = Why
arrivals-shown = Shown, needs checking.
arrivals-held = Held back.
arrived-not-allowed = Their role did not allow this when they wrote it.
arrived-author-unknown = This computer does not know who wrote it yet.
arrived-fork = Another record already has its place: a copy of that computer's data may be in use. Find out which computer wrote it before anything else is done.
arrived-future = Its clock is more than a day ahead of this computer's. It will be taken in when that time comes.
arrived-damaged = It is damaged and cannot be read.
arrived-needs-update = It came from a newer version of Harbour.
op-kind-child-added = A child was added
op-kind-photo = A photo
op-kind-details = A correction of a child's details
op-kind-flag = A flag set or cleared
op-kind-episode-started = A missing report
op-kind-episode-event = Something recorded in a missing report
op-kind-user-added = A member of staff added
op-kind-user-disabled = A member of staff disabled
op-kind-profile = A part of a child's profile
op-kind-settings = The home's settings
op-kind-assessment = A risk checklist
op-kind-team = A home or household set up or renamed
op-kind-team-member = A member of staff joining or leaving a home
op-kind-staff-key = A member of staff's sign-in key
op-kind-transferred-in = A child's record brought from another home
op-kind-moved-out = A child's move to another team
op-kind-merged = Two records of one child joined into one
op-kind-log-entry = An entry in a child's daily log
op-kind-unknown = A kind of record this version does not know

## The audit record (Settings, managers and administrators)
audit-title = Audit record
audit-intro = Who opened, printed, saved, exported or backed up records, changed a flag, and unlocked Harbour or typed a wrong PIN, on this computer. Nothing in it can be changed without it showing.
audit-child = Child
audit-all-children = All children
audit-from = From (day/month/year)
audit-to = To (day/month/year)
audit-show = Show
audit-chain-intact = The record is whole: { $entries } entries, none changed or removed.
audit-chain-broken = The record was changed or cut from entry { $seq }. Tell your administrator and keep this computer as it is.
audit-showing = Showing the latest { $shown } of { $matching } entries. The export has them all.
audit-matching = { $matching ->
    [one] 1 entry.
   *[other] { $matching } entries.
}
audit-none = No entries match.
audit-col-when = When
audit-col-who = Who
audit-col-what = What
audit-col-about = About
audit-harbour = Harbour
audit-other-child = A child not in your homes
audit-about-staff = { $name } (staff)
audit-about-home = Home: { $name }
audit-export = Export as a spreadsheet (CSV)…
audit-export-warning = The export lists children's and staff's names in the clear. Save it only where only you can open it, and delete it when you are done. The export is itself recorded.
audit-export-choose = Choose where to save it
audit-exported = The audit record was saved to { $path }.
audit-export-cancelled = Nothing was saved.
audit-dialog-title = Save the audit record
error-audit-date = Write the day as day/month/year, for example 01/12/2026.
error-audit-range = The "from" day is after the "to" day.
audit-event-store_opened = Harbour opened the records
audit-event-child_viewed = Opened the child's details
audit-event-unlocked = Unlocked
audit-event-unlock_failed = Wrong name or PIN typed
audit-event-locked = Locked
audit-event-lock_extended = Kept open longer during an episode
audit-event-user_added = Added a member of staff
audit-event-user_disabled = Disabled a member of staff
audit-event-pin_changed = Changed a PIN
audit-event-exported = Exported records
audit-event-backup_made = Made a backup
audit-event-restored = Restored from a backup
audit-event-setting_changed = Changed a setting
audit-event-grab_sheet_printed = Asked to print the grab sheet
audit-event-grab_sheet_saved = Saved a copy of the grab sheet
audit-event-grab_sheet_opened = Opened the grab sheet in the PDF viewer
audit-event-child_added = Added a child
audit-event-child_details_changed = Corrected the child's details
audit-event-profile_changed = Changed the child's profile or photo
audit-event-flag_set = Set a risk flag
audit-event-flag_cleared = Cleared a risk flag
audit-event-reported_missing = Reported the child missing
audit-event-child_found = Recorded the child found or back
audit-event-episode_closed = Closed the missing episode
audit-event-team_changed = Set up or renamed a home
audit-event-team_members_changed = Changed who is in a home
audit-event-keys_rotated = Replaced the data key
audit-event-key_entry_refused = Refused a key entry added outside Harbour
audit-event-key_file_changed = Found the key file changed outside Harbour
audit-event-user_key_set = Made a member of staff's key
audit-event-recovery_key_made = Made a new recovery key
audit-event-recovery_key_printed = Printed the recovery key
audit-event-staff_key_received = Can now sign in here with the PIN chosen on another computer of the team
audit-event-sync_joined = This computer joined the team's hub
audit-event-sync_left = This computer stopped syncing with the team's hub
audit-event-child_transferred_out = Sealed a child's whole record into a transfer package for another home
audit-event-child_transferred_in = Brought a child's record in from another home's transfer package
audit-event-child_moved = Moved a child's record to another team on the hub
audit-event-children_merged = Joined two records of the same child into one
audit-event-defaults_published = Published settings as the defaults of every team on this computer

## A child's record moved to another team, or two records of one child joined
record-moved = { $name } moved to { $team } on { $time }. This copy keeps what was recorded here and is read-only: write new notes in { $team }'s record. If { $name } goes missing from here, still press Child missing.
record-merged = This was a second record of the same child, joined to the other on { $time }. It is kept as it was, read-only; its missing episodes and checklists are shown in the record kept.
record-open-kept = Open the record kept
record-joined-list = Joined to this record (each kept as it was, read-only):
record-joined-item = { $name }, recorded { $time }
record-actions-title = Moving, joining or sending this record
record-move-label = Move { $name } to another team
record-move-hint = When a child moves placement to another home on this hub. The record goes with them, history and all; this team keeps a read-only copy of what it recorded.
record-move-button = Move…
record-move-confirm = Move { $name }'s whole record to { $team }? { $team }'s computers get it at their next sync. { $from } keeps a read-only copy of what it recorded. To undo it, someone in both teams moves { $name } back.
record-this-team = This team
record-merge-label = Another record of { $name }
record-merge-hint = When two homes each recorded the same child before they shared this team. Nothing of either record is lost: this record gains what it lacked, and the other stays, read-only, joined to it.
record-merge-choose = Choose the other record
record-merge-button = Join to this record…
record-merge-confirm = Join { $other }'s record to { $name }'s? Only do this if they are the same child. { $name }'s record keeps its own answers and gains the other's flags, names, languages, photo and answers it lacked; the other's missing episodes and checklists are shown here. This cannot be undone.
record-confirm-yes = Yes, go ahead
record-confirm-no = Cancel
record-transfer-label = Send { $name }'s record to a home on another hub, or on none
record-transfer-hint = Makes one file with the whole record, history and all, sealed under a passphrase of 16 characters or more (a few words are easiest to read out). Give the file to the new home, and read them the passphrase by phone — never with the file. This team keeps its record.
record-transfer-button = Save transfer package…
record-transfer-saved = Saved to { $path }. Give the file to the new home, and read them the passphrase by phone, never with the file.
transfer-save-dialog-title = Save the child's transfer package
transfer-open-dialog-title = Choose the transfer package
bring-in-title = Or bring in a child's record from another home
bring-in-hint = A home on another hub, or on none, saved the child's whole record as a transfer package and read you its passphrase by phone. It comes into the home shown now, with its history. A package that was changed or damaged, or the wrong passphrase, is refused and nothing is written.
bring-in-passphrase = The passphrase the other home read out
bring-in-button = Choose the package and bring it in…
child-moved-to = Moved to { $team }: read-only here

## A child's daily log
error-log-text-required = Write what happened.
error-log-themes-required = Choose what the entry is about (one or more).
error-reported-by-required = Say who told you, and how (for example: his teacher, by phone).
log-theme-wellbeing = Wellbeing and health
log-theme-medication = Medication given
log-theme-education = Education
log-theme-appointment = Appointments
log-theme-contact = Family and professional contact
log-theme-behaviour = Behaviour
log-theme-absence = Absences and missing
log-theme-own-words = The child's own words, what went well
