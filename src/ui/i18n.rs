//! The page's words in French and English. Every string a user reads comes
//! from here; the page follows the browser's language until the user picks one.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Lang {
    Fr,
    #[default]
    En,
}

impl Lang {
    /// French for a browser language starting with `fr`, English otherwise.
    pub fn from_browser(tag: &str) -> Lang {
        if tag.to_ascii_lowercase().starts_with("fr") {
            Lang::Fr
        } else {
            Lang::En
        }
    }
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }
    pub fn text(self) -> &'static Text {
        match self {
            Lang::Fr => &FR,
            Lang::En => &EN,
        }
    }
}

/// Every string of the interface. Strings with numbers are functions.
pub struct Text {
    pub tagline: &'static str,
    pub privacy: &'static str,
    pub language_switch: &'static str,
    pub projector: &'static str,
    pub blind: &'static str,
    pub reveal: &'static str,
    pub hidden_source: fn(usize) -> String,
    // Adding documents
    pub add_documents: &'static str,
    pub paste_label: &'static str,
    pub paste_placeholder: &'static str,
    pub separator_label: &'static str,
    pub separator_hint: &'static str,
    pub add_text: &'static str,
    pub open_files: &'static str,
    pub open_folder: &'static str,
    pub load_demo: &'static str,
    pub drop_hint: &'static str,
    pub paste_empty: &'static str,
    pub reading_files: fn(usize) -> String,
    pub duplicate_question: fn(&str, &str) -> String,
    pub add_anyway: &'static str,
    pub skip: &'static str,
    // Documents
    pub documents: fn(usize) -> String,
    pub no_documents: &'static str,
    pub remove: fn(&str) -> String,
    pub include: &'static str,
    pub edit: &'static str,
    pub title: &'static str,
    pub source: &'static str,
    pub date: &'static str,
    pub language: &'static str,
    pub language_auto: &'static str,
    pub words: fn(usize) -> String,
    pub removed_summary: fn(usize, usize, usize) -> String,
    pub removed_reason: fn(&str) -> &'static str,
    pub put_back: &'static str,
    pub clear_all: &'static str,
    pub clear_confirm: &'static str,
    // Status and export
    pub status_empty: &'static str,
    pub status_busy: fn(usize) -> String,
    pub status_done: fn(usize, f64) -> String,
    pub export_json: &'static str,
    pub export_csv: &'static str,
    pub export_report: &'static str,
    pub dismiss: &'static str,
    pub storage_full: fn(usize, usize) -> String,
    pub storage_missing: &'static str,
    pub worker_failed: fn(&str) -> String,
    // Views
    pub view_overview: &'static str,
    pub view_actors: &'static str,
    pub view_reader: &'static str,
    pub view_framing: &'static str,
    pub figures_documents: &'static str,
    pub figures_sources: &'static str,
    pub figures_words: &'static str,
    pub figures_sentences: &'static str,
    pub figures_actors: &'static str,
    pub actors_caption: &'static str,
    pub actor: &'static str,
    pub kind: &'static str,
    pub total: &'static str,
    pub no_actor: &'static str,
    pub kind_name: fn(&str) -> &'static str,
    pub all_kinds: &'static str,
    pub filter_actors: &'static str,
    pub sort_by: &'static str,
    pub mentions_per_source: &'static str,
    pub aliases_seen: &'static str,
    pub labels_used: &'static str,
    pub appears_with: &'static str,
    pub back_to_actors: &'static str,
    pub rename: &'static str,
    pub merge_into: &'static str,
    pub ignore_actor: &'static str,
    pub change_kind: &'static str,
    pub apply: &'static str,
    pub edits_made: &'static str,
    pub undo: &'static str,
    pub choose_document: &'static str,
    pub mention_of: fn(&str, &str) -> String,
}

pub const EN: Text = Text {
    tagline: "How different sources tell the same story",
    privacy: "Your texts never leave this computer: Prisme analyses them inside this page.",
    language_switch: "Français",
    projector: "Projector mode",
    blind: "Blind sources",
    reveal: "Reveal sources",
    hidden_source: |n| format!("Source {}", char::from(b'A' + (n % 26) as u8)),
    add_documents: "Add documents",
    paste_label: "Paste one or more articles",
    paste_placeholder: "Paste the text of an article here…",
    separator_label: "Line between articles",
    separator_hint: "Several articles pasted at once are split at every line that is exactly this.",
    add_text: "Add text",
    open_files: "Open files…",
    open_folder: "Open a folder…",
    load_demo: "Load demo",
    drop_hint: "Or drop files anywhere on this panel. Text, Markdown, HTML, Word, CSV, TSV and JSON are read.",
    paste_empty: "The text box is empty: paste an article first.",
    reading_files: |n| format!("Reading {n} file(s)…"),
    duplicate_question: |new, old| format!("“{new}” has the same text as “{old}”, which is already loaded. Add it again?"),
    add_anyway: "Add anyway",
    skip: "Skip",
    documents: |n| format!("Documents ({n})"),
    no_documents: "No document yet.",
    remove: |id| format!("Remove {id}"),
    include: "Include in the analysis",
    edit: "Edit details",
    title: "Title",
    source: "Source",
    date: "Date",
    language: "Language",
    language_auto: "detect",
    words: |n| format!("{n} words"),
    removed_summary: |chrome, repeated, markup| {
        let mut parts = Vec::new();
        if chrome > 0 {
            parts.push(format!("{chrome} line(s) of page chrome"));
        }
        if repeated > 0 {
            parts.push(format!("{repeated} repeated paragraph(s)"));
        }
        if markup > 0 {
            parts.push(format!("{markup} piece(s) of markup"));
        }
        format!("Left out: {}", parts.join(", "))
    },
    removed_reason: |r| match r {
        "chrome" => "page chrome",
        "repeated_paragraph" => "repeated paragraph",
        "markup" => "markup",
        _ => "left out",
    },
    put_back: "Put back",
    clear_all: "Clear all data",
    clear_confirm: "Remove every document and edit from this browser? This cannot be undone.",
    status_empty: "Add texts to compare them.",
    status_busy: |n| format!("Analysing {n} documents…"),
    status_done: |n, ms| format!("{n} documents analysed in {ms:.0} ms."),
    export_json: "Export JSON",
    export_csv: "Export CSV",
    export_report: "Export report",
    dismiss: "Dismiss this message",
    storage_full: |n, kb| format!("The browser's storage is full: the {n} documents loaded ({kb} KB) stay usable and exportable here, but were not saved for the next visit."),
    storage_missing: "This browser gives the page no storage, so the corpus will not survive a reload.",
    worker_failed: |e| format!("The analysis could not run ({e}). Reload the page to try again; your documents are kept."),
    view_overview: "Overview",
    view_actors: "Actors",
    view_reader: "Reader",
    view_framing: "Framing",
    figures_documents: "documents",
    figures_sources: "sources",
    figures_words: "words",
    figures_sentences: "sentences",
    figures_actors: "actors",
    actors_caption: "Actors: mentions per source",
    actor: "Actor",
    kind: "Kind",
    total: "Total",
    no_actor: "No actor found in these texts.",
    kind_name: |k| match k {
        "person" => "person",
        "state" => "state",
        "organisation" => "organisation",
        "armed_group" => "armed group",
        "place" => "place",
        "media" => "media",
        "institution" => "institution",
        _ => "unknown",
    },
    all_kinds: "All kinds",
    filter_actors: "Filter actors",
    sort_by: "Sort by",
    mentions_per_source: "Mentions per source",
    aliases_seen: "Spellings seen",
    labels_used: "Words each source uses for it",
    appears_with: "Appears in the same sentences as",
    back_to_actors: "All actors",
    rename: "Rename",
    merge_into: "Merge into",
    ignore_actor: "Ignore this actor",
    change_kind: "Kind",
    apply: "Apply",
    edits_made: "Your changes to the actors",
    undo: "Undo",
    choose_document: "Document",
    mention_of: |actor, kind| format!("{actor} ({kind})"),
};

pub const FR: Text = Text {
    tagline: "Comment différentes sources racontent la même histoire",
    privacy: "Vos textes ne quittent jamais cet ordinateur : Prisme les analyse dans cette page.",
    language_switch: "English",
    projector: "Mode projecteur",
    blind: "Sources masquées",
    reveal: "Révéler les sources",
    hidden_source: |n| format!("Source {}", char::from(b'A' + (n % 26) as u8)),
    add_documents: "Ajouter des documents",
    paste_label: "Coller un ou plusieurs articles",
    paste_placeholder: "Collez ici le texte d’un article…",
    separator_label: "Ligne entre les articles",
    separator_hint: "Plusieurs articles collés d’un coup sont séparés à chaque ligne identique à celle-ci.",
    add_text: "Ajouter le texte",
    open_files: "Ouvrir des fichiers…",
    open_folder: "Ouvrir un dossier…",
    load_demo: "Charger la démo",
    drop_hint: "Ou déposez des fichiers sur ce panneau. Texte, Markdown, HTML, Word, CSV, TSV et JSON sont lus.",
    paste_empty: "La zone de texte est vide : collez d’abord un article.",
    reading_files: |n| format!("Lecture de {n} fichier(s)…"),
    duplicate_question: |new, old| format!("« {new} » a le même texte que « {old} », déjà chargé. L’ajouter quand même ?"),
    add_anyway: "Ajouter quand même",
    skip: "Ignorer",
    documents: |n| format!("Documents ({n})"),
    no_documents: "Aucun document pour l’instant.",
    remove: |id| format!("Retirer {id}"),
    include: "Inclure dans l’analyse",
    edit: "Modifier les informations",
    title: "Titre",
    source: "Source",
    date: "Date",
    language: "Langue",
    language_auto: "détecter",
    words: |n| format!("{n} mots"),
    removed_summary: |chrome, repeated, markup| {
        let mut parts = Vec::new();
        if chrome > 0 {
            parts.push(format!("{chrome} ligne(s) d’habillage de page"));
        }
        if repeated > 0 {
            parts.push(format!("{repeated} paragraphe(s) répété(s)"));
        }
        if markup > 0 {
            parts.push(format!("{markup} élément(s) de balisage"));
        }
        format!("Laissé de côté : {}", parts.join(", "))
    },
    removed_reason: |r| match r {
        "chrome" => "habillage de page",
        "repeated_paragraph" => "paragraphe répété",
        "markup" => "balisage",
        _ => "laissé de côté",
    },
    put_back: "Remettre",
    clear_all: "Effacer toutes les données",
    clear_confirm: "Retirer de ce navigateur tous les documents et toutes les modifications ? C’est définitif.",
    status_empty: "Ajoutez des textes pour les comparer.",
    status_busy: |n| format!("Analyse de {n} documents…"),
    status_done: |n, ms| format!("{n} documents analysés en {ms:.0} ms."),
    export_json: "Exporter en JSON",
    export_csv: "Exporter en CSV",
    export_report: "Exporter le rapport",
    dismiss: "Fermer ce message",
    storage_full: |n, kb| format!("Le stockage du navigateur est plein : les {n} documents chargés ({kb} Ko) restent utilisables et exportables ici, mais n’ont pas été enregistrés pour la prochaine visite."),
    storage_missing: "Ce navigateur ne donne pas de stockage à la page : le corpus ne survivra pas à un rechargement.",
    worker_failed: |e| format!("L’analyse n’a pas pu s’exécuter ({e}). Rechargez la page pour réessayer ; vos documents sont conservés."),
    view_overview: "Vue d’ensemble",
    view_actors: "Acteurs",
    view_reader: "Lecture",
    view_framing: "Cadrage",
    figures_documents: "documents",
    figures_sources: "sources",
    figures_words: "mots",
    figures_sentences: "phrases",
    figures_actors: "acteurs",
    actors_caption: "Acteurs : mentions par source",
    actor: "Acteur",
    kind: "Type",
    total: "Total",
    no_actor: "Aucun acteur trouvé dans ces textes.",
    kind_name: |k| match k {
        "person" => "personne",
        "state" => "État",
        "organisation" => "organisation",
        "armed_group" => "groupe armé",
        "place" => "lieu",
        "media" => "média",
        "institution" => "institution",
        _ => "inconnu",
    },
    all_kinds: "Tous les types",
    filter_actors: "Filtrer les acteurs",
    sort_by: "Trier par",
    mentions_per_source: "Mentions par source",
    aliases_seen: "Graphies rencontrées",
    labels_used: "Mots employés par chaque source pour le désigner",
    appears_with: "Apparaît dans les mêmes phrases que",
    back_to_actors: "Tous les acteurs",
    rename: "Renommer",
    merge_into: "Fusionner avec",
    ignore_actor: "Ignorer cet acteur",
    change_kind: "Type",
    apply: "Appliquer",
    edits_made: "Vos modifications des acteurs",
    undo: "Annuler",
    choose_document: "Document",
    mention_of: |actor, kind| format!("{actor} ({kind})"),
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browser_language_picks_french_or_english() {
        assert_eq!(Lang::from_browser("fr-CA"), Lang::Fr);
        assert_eq!(Lang::from_browser("FR"), Lang::Fr);
        assert_eq!(Lang::from_browser("en-GB"), Lang::En);
        assert_eq!(Lang::from_browser("de-DE"), Lang::En);
    }
}
