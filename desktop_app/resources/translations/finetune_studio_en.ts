<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name></name>
    <message numerus="yes">
        <source>Skipped %n file(s):</source>
        <translation>
            <numerusform>Skipped %n file:</numerusform>
            <numerusform>Skipped %n files:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved {path}: right on {accuracy} of %n held-out pictures ({seconds} s, the top of the network fine-tuned; it {rule}).</source>
        <translation>
            <numerusform>Saved {path}: right on {accuracy} of %n held-out picture ({seconds} s, the top of the network fine-tuned; it {rule}).</numerusform>
            <numerusform>Saved {path}: right on {accuracy} of %n held-out pictures ({seconds} s, the top of the network fine-tuned; it {rule}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Saved {path}: right on {accuracy} of %n held-out pictures ({seconds} s, new output layer only; it {rule}).</source>
        <translation>
            <numerusform>Saved {path}: right on {accuracy} of %n held-out picture ({seconds} s, new output layer only; it {rule}).</numerusform>
            <numerusform>Saved {path}: right on {accuracy} of %n held-out pictures ({seconds} s, new output layer only; it {rule}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Warning: the model was trained on %n of these photos, so this accuracy looks better than it will be on new photos.</source>
        <translation>
            <numerusform>Warning: the model was trained on %n of these photos, so this accuracy looks better than it will be on new photos.</numerusform>
            <numerusform>Warning: the model was trained on %n of these photos, so this accuracy looks better than it will be on new photos.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Right on {accuracy} of %n image(s).</source>
        <translation>
            <numerusform>Right on {accuracy} of %n image.</numerusform>
            <numerusform>Right on {accuracy} of %n images.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Right on {accuracy} of %n held-out pictures.</source>
        <translation>
            <numerusform>Right on {accuracy} of %n held-out picture.</numerusform>
            <numerusform>Right on {accuracy} of %n held-out pictures.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n added photo(s), copies kept in {folder}</source>
        <translation>
            <numerusform>and %n added photo, a copy kept in {folder}</numerusform>
            <numerusform>and %n added photos, copies kept in {folder}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{name}: %n picture(s)</source>
        <translation>
            <numerusform>{name}: %n picture</numerusform>
            <numerusform>{name}: %n pictures</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Its validation folder: %n picture(s)</source>
        <translation>
            <numerusform>Its validation folder: %n picture</numerusform>
            <numerusform>Its validation folder: %n pictures</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Its test folder: %n picture(s)</source>
        <translation>
            <numerusform>Its test folder: %n picture</numerusform>
            <numerusform>Its test folder: %n pictures</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Left out: %n picture(s)</source>
        <translation>
            <numerusform>Left out: %n picture</numerusform>
            <numerusform>Left out: %n pictures</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Moved %n photo(s) into {folder} ({counts}).</source>
        <translation>
            <numerusform>Moved %n photo into {folder} ({counts}).</numerusform>
            <numerusform>Moved %n photos into {folder} ({counts}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n photo(s) into {folder} ({counts}).</source>
        <translation>
            <numerusform>Copied %n photo into {folder} ({counts}).</numerusform>
            <numerusform>Copied %n photos into {folder} ({counts}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Sort undone: %n photo(s) back as they were.</source>
        <translation>
            <numerusform>Sort undone: %n photo back as they were.</numerusform>
            <numerusform>Sort undone: %n photos back as they were.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be used and were skipped (listed with reasons).</source>
        <translation>
            <numerusform>%n file could not be used and was skipped (listed with its reason).</numerusform>
            <numerusform>%n files could not be used and were skipped (listed with reasons).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&apos;{name}&apos; has only %n image(s); {enough} or more per class work much better.</source>
        <translation>
            <numerusform>&apos;{name}&apos; has only %n image; {enough} or more per class work much better.</numerusform>
            <numerusform>&apos;{name}&apos; has only %n images; {enough} or more per class work much better.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) appear more than once (identical files).</source>
        <translation>
            <numerusform>%n image appears more than once (identical files).</numerusform>
            <numerusform>%n images appear more than once (identical files).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n identical image(s) are filed under different classes.</source>
        <translation>
            <numerusform>%n identical image is filed under different classes.</numerusform>
            <numerusform>%n identical images are filed under different classes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) are in both the training and the test or validation folders, which makes the measured accuracy look better than it is.</source>
        <translation>
            <numerusform>%n image is in both the training and the test or validation folders, which makes the measured accuracy look better than it is.</numerusform>
            <numerusform>%n images are in both the training and the test or validation folders, which makes the measured accuracy look better than it is.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No real difference: they answer %n photo(s) differently, which luck alone could explain.</source>
        <translation>
            <numerusform>No real difference: they answer %n photo differently, which luck alone could explain.</numerusform>
            <numerusform>No real difference: they answer %n photos differently, which luck alone could explain.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Left out, as the model does not know them ({known}): the folder&apos;s {names}, %n picture(s) in all; only the shared classes were judged.</source>
        <translation>
            <numerusform>Left out, as the model does not know them ({known}): the folder&apos;s {names}, %n picture in all; only the shared classes were judged.</numerusform>
            <numerusform>Left out, as the model does not know them ({known}): the folder&apos;s {names}, %n pictures in all; only the shared classes were judged.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{used} pictures used; %n file(s) could not be used:</source>
        <translation>
            <numerusform>{used} pictures used; %n file could not be used:</numerusform>
            <numerusform>{used} pictures used; %n files could not be used:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Right on %n held-out pictures: &lt;b&gt;{accuracy}&lt;/b&gt; (the top of the network was fine-tuned).</source>
        <translation>
            <numerusform>Right on %n held-out picture: &lt;b&gt;{accuracy}&lt;/b&gt; (the top of the network was fine-tuned).</numerusform>
            <numerusform>Right on %n held-out pictures: &lt;b&gt;{accuracy}&lt;/b&gt; (the top of the network was fine-tuned).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Right on %n held-out pictures: &lt;b&gt;{accuracy}&lt;/b&gt;.</source>
        <translation>
            <numerusform>Right on %n held-out picture: &lt;b&gt;{accuracy}&lt;/b&gt;.</numerusform>
            <numerusform>Right on %n held-out pictures: &lt;b&gt;{accuracy}&lt;/b&gt;.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the %n picture(s) of the validation folder</source>
        <translation>
            <numerusform>the %n picture of the validation folder</numerusform>
            <numerusform>the %n pictures of the validation folder</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the %n picture(s) of one of the {groups} held-out groups</source>
        <translation>
            <numerusform>the %n picture of one of the {groups} held-out groups</numerusform>
            <numerusform>the %n pictures of one of the {groups} held-out groups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The stored features of %n photo(s) were damaged (changed outside the app) and were computed again.</source>
        <translation>
            <numerusform>The stored features of %n photo were damaged (changed outside the app) and were computed again.</numerusform>
            <numerusform>The stored features of %n photos were damaged (changed outside the app) and were computed again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Checking it on %n photo(s) against the model</source>
        <translation>
            <numerusform>Checking it on %n photo against the model</numerusform>
            <numerusform>Checking it on %n photos against the model</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>More photos will likely help: held-out accuracy still grows with their number ({measured}). Twice as many (about %n more) would likely add about {points} points.</source>
        <translation>
            <numerusform>More photos will likely help: held-out accuracy still grows with their number ({measured}). Twice as many (about %n more) would likely add about {points} points.</numerusform>
            <numerusform>More photos will likely help: held-out accuracy still grows with their number ({measured}). Twice as many (about %n more) would likely add about {points} points.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Add photos of “{true}” that look like “{predicted}”: the model took %n of the {support} “{true}” photos for “{predicted}” (see them among the mistakes).</source>
        <translation>
            <numerusform>Add photos of “{true}” that look like “{predicted}”: the model took %n of the {support} “{true}” photos for “{predicted}” (see them among the mistakes).</numerusform>
            <numerusform>Add photos of “{true}” that look like “{predicted}”: the model took %n of the {support} “{true}” photos for “{predicted}” (see them among the mistakes).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>“{label}” needs more photos: it has %n for training, against {largest} for the largest class, and the model finds only {found} of its photos (overall it is right on {overall}). Aim for about {largest} varied photos.</source>
        <translation>
            <numerusform>“{label}” needs more photos: it has %n for training, against {largest} for the largest class, and the model finds only {found} of its photos (overall it is right on {overall}). Aim for about {largest} varied photos.</numerusform>
            <numerusform>“{label}” needs more photos: it has %n for training, against {largest} for the largest class, and the model finds only {found} of its photos (overall it is right on {overall}). Aim for about {largest} varied photos.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CaptureDialog</name>
    <message numerus="yes">
        <source>Recording: %n photo(s)…</source>
        <translation>
            <numerusform>Recording: %n photo…</numerusform>
            <numerusform>Recording: %n photos…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) added to the project this time (Dataset ▸ Undo takes them back).</source>
        <translation>
            <numerusform>%n photo added to the project this time (Dataset ▸ Undo takes them back).</numerusform>
            <numerusform>%n photos added to the project this time (Dataset ▸ Undo takes them back).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CheckLabelsDialog</name>
    <message numerus="yes">
        <source>Nothing stands out: none of these %n doubt(s) is {0}% sure or more. Such doubts are more often the model&apos;s mistakes than wrong labels.</source>
        <translation>
            <numerusform>Nothing stands out: this doubt is less than {0}% sure. Such doubts are more often the model&apos;s mistakes than wrong labels.</numerusform>
            <numerusform>Nothing stands out: none of these %n doubts is {0}% sure or more. Such doubts are more often the model&apos;s mistakes than wrong labels.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>For %n photo(s) the model is at least {0}% sure of another class: worth a look. The model can be wrong too, so move a photo only when you see its class is wrong.</source>
        <translation>
            <numerusform>For %n photo the model is at least {0}% sure of another class: worth a look. The model can be wrong too, so move a photo only when you see its class is wrong.</numerusform>
            <numerusform>For %n photos the model is at least {0}% sure of another class: worth a look. The model can be wrong too, so move a photo only when you see its class is wrong.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DatasetTab</name>
    <message numerus="yes">
        <source>Accuracy is measured on the %n picture(s) in its validation folder.</source>
        <translation>
            <numerusform>Accuracy is measured on the %n picture in its validation folder.</numerusform>
            <numerusform>Accuracy is measured on the %n pictures in its validation folder.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Its test folder (%n picture(s)) is kept for evaluation.</source>
        <translation>
            <numerusform>Its test folder (%n picture) is kept for evaluation.</numerusform>
            <numerusform>Its test folder (%n pictures) is kept for evaluation.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n added photo(s), copies kept in {0}</source>
        <translation>
            <numerusform>%n added photo, a copy kept in {0}</numerusform>
            <numerusform>%n added photos, copies kept in {0}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0} — %n picture(s)</source>
        <translation>
            <numerusform>{0} — %n picture</numerusform>
            <numerusform>{0} — %n pictures</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Left out — %n picture(s)</source>
        <translation>
            <numerusform>Left out — %n picture</numerusform>
            <numerusform>Left out — %n pictures</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EvaluateTab</name>
    <message numerus="yes">
        <source>Held-out pictures during training, each judged by a model that had not seen it, before the top of the network was fine-tuned. The fine-tuned model was right {0} on the %n held-out pictures it was judged on.</source>
        <translation>
            <numerusform>Held-out pictures during training, each judged by a model that had not seen it, before the top of the network was fine-tuned. The fine-tuned model was right {0} on the %n held-out picture it was judged on.</numerusform>
            <numerusform>Held-out pictures during training, each judged by a model that had not seen it, before the top of the network was fine-tuned. The fine-tuned model was right {0} on the %n held-out pictures it was judged on.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;The model was trained on %n of these pictures&lt;/b&gt;, so this accuracy looks better than it will be on new photos. Evaluate on pictures it has not seen (a test/ folder).</source>
        <translation>
            <numerusform>&lt;b&gt;The model was trained on %n of these pictures&lt;/b&gt;, so this accuracy looks better than it will be on new photos. Evaluate on pictures it has not seen (a test/ folder).</numerusform>
            <numerusform>&lt;b&gt;The model was trained on %n of these pictures&lt;/b&gt;, so this accuracy looks better than it will be on new photos. Evaluate on pictures it has not seen (a test/ folder).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{0}&lt;br&gt;&lt;b&gt;{1}&lt;/b&gt; right on %n picture(s).</source>
        <translation>
            <numerusform>{0}&lt;br&gt;&lt;b&gt;{1}&lt;/b&gt; right on %n picture.</numerusform>
            <numerusform>{0}&lt;br&gt;&lt;b&gt;{1}&lt;/b&gt; right on %n pictures.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>To improve (%n)</source>
        <translation>
            <numerusform>To improve (%n)</numerusform>
            <numerusform>To improve (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FolderSorter</name>
    <message numerus="yes">
        <source>Put %n photo(s) into one folder per class in {0}?</source>
        <translation>
            <numerusform>Put %n photo into one folder per class in {0}?</numerusform>
            <numerusform>Put %n photos into one folder per class in {0}?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Move %n photo(s) out of their folders into {0}?</source>
        <translation>
            <numerusform>Move %n photo out of their folders into {0}?</numerusform>
            <numerusform>Move %n photos out of their folders into {0}?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be read and stayed where they were.</source>
        <translation>
            <numerusform>%n file could not be read and stayed where they were.</numerusform>
            <numerusform>%n files could not be read and stayed where they were.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) left as they are (listed in the sort&apos;s record).</source>
        <translation>
            <numerusform>%n file left as they are (listed in the sort&apos;s record).</numerusform>
            <numerusform>%n files left as they are (listed in the sort&apos;s record).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PredictTab</name>
    <message numerus="yes">
        <source>%n photo(s) will be looked at again by {0}.</source>
        <translation>
            <numerusform>%n photo will be looked at again by {0}.</numerusform>
            <numerusform>%n photos will be looked at again by {0}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>right on {0} of the %n pictures it was tested on while training</source>
        <translation>
            <numerusform>right on {0} of the %n picture it was tested on while training</numerusform>
            <numerusform>right on {0} of the %n pictures it was tested on while training</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Looking at %n item(s)…</source>
        <translation>
            <numerusform>Looking at %n item…</numerusform>
            <numerusform>Looking at %n items…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Adding %n photo(s) to “{0}”…</source>
        <translation>
            <numerusform>Adding %n photo to “{0}”…</numerusform>
            <numerusform>Adding %n photos to “{0}”…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s) added to the project (Dataset ▸ Undo takes them back). Train again to use them.</source>
        <translation>
            <numerusform>%n photo added to the project (Dataset ▸ Undo takes them back). Train again to use them.</numerusform>
            <numerusform>%n photos added to the project (Dataset ▸ Undo takes them back). Train again to use them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProjectSession</name>
    <message numerus="yes">
        <source>Move %n photo(s) to “{0}”</source>
        <translation>
            <numerusform>Move %n photo to “{0}”</numerusform>
            <numerusform>Move %n photos to “{0}”</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Leave out %n photo(s)</source>
        <translation>
            <numerusform>Leave out %n photo</numerusform>
            <numerusform>Leave out %n photos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Take back %n photo(s)</source>
        <translation>
            <numerusform>Take back %n photo</numerusform>
            <numerusform>Take back %n photos</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SkippedList</name>
    <message numerus="yes">
        <source>&lt;b&gt;%n file(s) could not be used:&lt;/b&gt;</source>
        <translation>
            <numerusform>&lt;b&gt;%n file could not be used:&lt;/b&gt;</numerusform>
            <numerusform>&lt;b&gt;%n files could not be used:&lt;/b&gt;</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TrainingTab</name>
    <message numerus="yes">
        <source>The model in use, &lt;b&gt;{0}&lt;/b&gt;, learnt from these pictures on {1}. On %n pictures it had not seen, it was right &lt;b&gt;{2}&lt;/b&gt; of the time.</source>
        <translation>
            <numerusform>The model in use, &lt;b&gt;{0}&lt;/b&gt;, learnt from these pictures on {1}. On %n picture it had not seen, it was right &lt;b&gt;{2}&lt;/b&gt; of the time.</numerusform>
            <numerusform>The model in use, &lt;b&gt;{0}&lt;/b&gt;, learnt from these pictures on {1}. On %n pictures it had not seen, it was right &lt;b&gt;{2}&lt;/b&gt; of the time.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Trained. On %n pictures it had not seen, it was right &lt;b&gt;{0}&lt;/b&gt; of the time ({1:.0f} seconds).</source>
        <translation>
            <numerusform>Trained. On %n picture it had not seen, it was right &lt;b&gt;{0}&lt;/b&gt; of the time ({1:.0f} seconds).</numerusform>
            <numerusform>Trained. On %n pictures it had not seen, it was right &lt;b&gt;{0}&lt;/b&gt; of the time ({1:.0f} seconds).</numerusform>
        </translation>
    </message>
</context>
</TS>
