//! French help text. clap takes its help from the doc comments of `cli.rs` (English); in French
//! each about and help line is swapped for its translation here, keyed by the English text. A
//! test walks the whole command and fails on any English text without a French one here, or on
//! a French one no command uses any more: help cannot exist in one language only.

use clap::Command;

use super::Ui;

/// English help text → French, sorted by the English.
const FRENCH: &[(&str, &str)] = &[
    ("A contact person or address", "Une personne ou une adresse à contacter"),
    ("A contact person or address (\"\" clears it)", "Une personne ou une adresse à contacter (\"\" l'efface)"),
    ("A lead of the campaign (repeat for several)", "Un responsable de la campagne (à répéter pour plusieurs)"),
    ("A member organization's key (repeat for several)", "La clé d'une organisation membre (à répéter pour plusieurs)"),
    ("A milestone that must be finished first (repeat for several)", "Un jalon à terminer d'abord (à répéter pour plusieurs)"),
    ("A note for the record", "Une note pour le dossier"),
    ("A note for the record (\"\" clears it)", "Une note pour le dossier (\"\" l'efface)"),
    ("A note for the record: where the figure comes from", "Une note pour le dossier\u{a0}: d'où vient le chiffre"),
    (
        "A one-page HTML status report to open, print or attach (self-contained: no script, nothing fetched)",
        "Un rapport d'étape HTML d'une page à ouvrir, imprimer ou joindre (autonome\u{a0}: aucun script, rien à télécharger)",
    ),
    (
        "A recipient: an organization, a person, or a table (each of its member organizations); repeat for several",
        "Un destinataire\u{a0}: une organisation, une personne ou une table (chacune de ses organisations membres); à répéter pour plusieurs",
    ),
    ("Absolute http(s) address", "Adresse http(s) absolue"),
    ("Absolute http(s) address (\"\" clears it)", "Adresse http(s) absolue (\"\" l'efface)"),
    ("Add a channel", "Ajouter un canal"),
    ("Add a material", "Ajouter un document"),
    ("Add a meeting of a table", "Ajouter une réunion d'une table"),
    ("Add a milestone", "Ajouter un jalon"),
    ("Add a person (a recipient or contact in an organization)", "Ajouter une personne (destinataire ou contact dans une organisation)"),
    ("Add a table", "Ajouter une table"),
    (
        "Add an action, e.g. one committed at a meeting (--meeting)",
        "Ajouter une action de suivi, p. ex. un engagement pris en réunion (--meeting)",
    ),
    ("Add an agenda item to a meeting: MEETING/ITEM", "Ajouter un point à l'ordre du jour d'une réunion\u{a0}: RÉUNION/POINT"),
    ("Add an expected result with its target", "Ajouter un résultat attendu avec sa cible"),
    ("Add an organization", "Ajouter une organisation"),
    ("Add member organizations to a table", "Ajouter des organisations membres à une table"),
    ("Add or remove member organizations", "Ajouter ou retirer des organisations membres"),
    ("After this day, check says they are kept too long", "Après ce jour, check signale qu'elle est conservée trop longtemps"),
    (
        "Agenda items of meetings (MEETING/ITEM): add, list, and log progress",
        "Points à l'ordre du jour des réunions (RÉUNION/POINT)\u{a0}: ajouter, lister, noter l'avancement",
    ),
    ("Also delete what the file leaves out", "Supprimer aussi ce que le fichier omet"),
    (
        "Also write the one-page HTML report of the seed campaign to FILE",
        "Écrire aussi le rapport HTML d'une page de la campagne de démonstration dans FICHIER",
    ),
    (
        "An iCalendar feed (Outlook, Thunderbird, Google Calendar): meetings and open deadlines",
        "Un calendrier iCalendar (Outlook, Thunderbird, Google Agenda)\u{a0}: réunions et échéances ouvertes",
    ),
    (
        "An optional field to clear, by its plan-file name (e.g. owner, due, name_fr)",
        "Un champ facultatif à effacer, par son nom dans le fichier de plan (p. ex. owner, due, name_fr)",
    ),
    (
        "Apply a plan file to the store, or export the store as a plan file",
        "Appliquer un fichier de plan à la base de données, ou exporter la base de données en fichier de plan",
    ),
    (
        "Apply a plan file: create or update every item it names (by key). Creates the store if needed",
        "Appliquer un fichier de plan\u{a0}: créer ou mettre à jour chaque élément qu'il nomme (par clé). Crée la base de données au besoin",
    ),
    ("At most N entries", "Au plus N entrées"),
    ("Back to planned, clearing the done date", "Revenir à «\u{202f}prévu\u{202f}», en effaçant la date de réalisation"),
    (
        "Change fields of one distribution (the plan file's checks apply)",
        "Modifier des champs d'un envoi (avec les vérifications du fichier de plan)",
    ),
    (
        "Change fields of one item (the plan file's checks apply)",
        "Modifier des champs d'un élément (avec les vérifications du fichier de plan)",
    ),
    (
        "Change fields of one person (the plan file's checks apply)",
        "Modifier des champs d'une personne (avec les vérifications du fichier de plan)",
    ),
    (
        "Check the store: SQLite integrity and the campaign's own rules",
        "Vérifier la base de données\u{a0}: intégrité SQLite et règles propres à la campagne",
    ),
    (
        "Copy a whole campaign, journal included, from one store to another (a file or a team store)",
        "Copier toute une campagne, journal compris, d'une base de données à une autre (un fichier ou une base de données d'équipe)",
    ),
    (
        "Copy the store to FILE safely, even while others write to it",
        "Copier la base de données dans FICHIER en toute sécurité, même pendant que d'autres y écrivent",
    ),
    ("Create the store with a new campaign", "Créer la base de données avec une nouvelle campagne"),
    (
        "Critical-path milestones with due dates, owners and dependencies",
        "Jalons du chemin critique, avec échéances, responsables et dépendances",
    ),
    ("Days of work needed after the last dependency is finished", "Jours de travail nécessaires après la fin de la dernière dépendance"),
    (
        "Distributions: a material sent (or to send) to an organization or a person",
        "Envois\u{a0}: un document envoyé (ou à envoyer) à une organisation ou à une personne",
    ),
    (
        "Engagement materials: emails, key messages, decks, talking points",
        "Documents de mobilisation\u{a0}: courriels, messages clés, présentations, points de discussion",
    ),
    (
        "Expected results with a target, and their measurements over time",
        "Résultats attendus avec une cible, et leurs mesures au fil du temps",
    ),
    (
        "Export the campaign for others: progress (CSV) and calendar (iCalendar)",
        "Exporter la campagne pour d'autres\u{a0}: avancement (CSV) et calendrier (iCalendar)",
    ),
    ("First day of the campaign (default: today)", "Premier jour de la campagne (par défaut\u{a0}: aujourd'hui)"),
    ("First day of the meeting", "Premier jour de la réunion"),
    (
        "First day of the meeting (leave out while it is only requested: its agenda is unscheduled)",
        "Premier jour de la réunion (à omettre tant qu'elle n'est que demandée\u{a0}: son ordre du jour n'est pas daté)",
    ),
    (
        "Follow-up actions committed at a meeting or elsewhere: add, list, and log progress",
        "Actions de suivi convenues en réunion ou ailleurs\u{a0}: ajouter, lister, noter l'avancement",
    ),
    ("Give a person a new key; what was sent to them follows", "Donner une nouvelle clé à une personne; ce qui lui a été envoyé suit"),
    (
        "Give a shared value its French (or change it), e.g. `engage glossary set Secretariat Secrétariat`",
        "Donner à une valeur partagée sa traduction française (ou la changer), p.\u{a0}ex. `engage glossary set Secretariat Secrétariat`",
    ),
    ("Give an item a new key; every reference to it follows", "Donner une nouvelle clé à un élément\u{202f}; tous les renvois le suivent"),
    (
        "How many days ahead of as-of the \"next\" section looks",
        "Nombre de jours après la date du rapport que couvre la section «\u{202f}prochains jours\u{202f}»",
    ),
    ("How many days ahead of as-of to look", "Nombre de jours à examiner après la date d'évaluation"),
    ("Its French", "Sa traduction française"),
    ("Its jurisdiction (\"\" clears it)", "Sa compétence (\"\" l'efface)"),
    ("Its jurisdiction, e.g. Ontario", "Son territoire de compétence, p. ex. Ontario"),
    ("Its name", "Son nom"),
    ("Its name (in English, or the language of the item)", "Son nom (en anglais, ou dans la langue de l'élément)"),
    ("Its name in French", "Son nom en français"),
    ("Its name in French (\"\" clears it)", "Son nom en français (\"\" l'efface)"),
    ("Its new key; every reference to the item follows it", "Sa nouvelle clé\u{202f}; tous les renvois à l'élément la suivent"),
    ("Its title", "Son titre"),
    ("Its title in French", "Son titre en français"),
    ("Its title in French (\"\" clears it)", "Son titre en français (\"\" l'efface)"),
    (
        "Language of messages and tables: en or fr. Default: $ENGAGE_LANG, else the locale",
        "Langue des messages et des tableaux\u{a0}: en ou fr. Par défaut\u{a0}: $ENGAGE_LANG, sinon les paramètres régionaux",
    ),
    ("Last day of the campaign (default: a year after the start)", "Dernier jour de la campagne (par défaut\u{a0}: un an après le début)"),
    ("Last day, for a meeting over several days", "Dernier jour, pour une réunion de plusieurs jours"),
    (
        "Let a PostgreSQL role read the team store (every report), or also change it",
        "Permettre à un rôle PostgreSQL de lire la base de données d'équipe (tous les rapports), ou aussi de la modifier",
    ),
    ("List actions", "Lister les actions de suivi"),
    ("List agenda items", "Lister les points à l'ordre du jour"),
    ("List channels", "Lister les canaux"),
    ("List distributions, planned and sent", "Lister les envois, prévus et faits"),
    (
        "List expected results, each with its latest value as of a day",
        "Lister les résultats attendus, chacun avec sa dernière valeur à une date donnée",
    ),
    ("List materials", "Lister les documents"),
    ("List meetings", "Lister les réunions"),
    ("List milestones", "Lister les jalons"),
    ("List organizations", "Lister les organisations"),
    (
        "List people (names and emails are shown here and in show only)",
        "Lister les personnes (noms et courriels n'apparaissent qu'ici et dans show)",
    ),
    ("List tables", "Lister les tables"),
    ("List the glossary", "Lister le glossaire"),
    (
        "Load people from a CSV contact list (key,name,organization,role,email,lang); all rows or none",
        "Charger des personnes d'une liste de contacts CSV (key,name,organization,role,email,lang); toutes les lignes ou aucune",
    ),
    (
        "Load the 2018 Service Partnerships Guide campaign and show its status and upcoming deadlines",
        "Charger la campagne 2018 du Guide des partenariats de service et en afficher l'état et les prochaines échéances",
    ),
    ("MATERIAL/RECIPIENT", "DOCUMENT/DESTINATAIRE"),
    ("MEETING/ITEM", "RÉUNION/POINT"),
    ("Mark blocked", "Marquer comme bloqué"),
    ("Mark cancelled", "Marquer comme annulé"),
    ("Mark deferred (leaves the plan's figures until reopened)", "Marquer comme reporté (sort des calculs du plan jusqu'à sa réouverture)"),
    ("Mark done (on --on, default today)", "Marquer comme terminé (à la date --on, par défaut aujourd'hui)"),
    ("Mark in progress", "Marquer comme en cours"),
    ("Meetings of a table", "Réunions d'une table"),
    (
        "One CSV row per milestone, agenda item, channel and material, with its state and variance",
        "Une ligne CSV par jalon, point à l'ordre du jour, canal et document, avec son état et son écart",
    ),
    ("Only actions committed at this meeting", "Seulement les actions de suivi convenues à cette réunion"),
    ("Only distributions with this status", "Seulement les envois de ce statut"),
    ("Only entries from this day on (UTC)", "Seulement les entrées à partir de ce jour (UTC)"),
    ("Only items at meetings of this table", "Seulement les points des réunions de cette table"),
    ("Only items of this meeting", "Seulement les points de cette réunion"),
    ("Only items of this owner", "Seulement les éléments de ce responsable"),
    ("Only items with this status", "Seulement les éléments ayant ce statut"),
    ("Only meetings of this table", "Seulement les réunions de cette table"),
    ("Only people of this organization", "Seulement les personnes de cette organisation"),
    ("Only this item (KEY, or MEETING/ITEM)", "Seulement cet élément (CLÉ, ou RÉUNION/POINT)"),
    ("Only this material", "Seulement ce document"),
    (
        "Only this recipient (an organization also lists what went to its people)",
        "Seulement ce destinataire (une organisation liste aussi ce qui est allé à ses personnes)",
    ),
    ("Organization keys", "Clés des organisations"),
    ("Organizations and their order of government", "Organisations et leur ordre de gouvernement"),
    ("Organizations that attended (added to those already recorded)", "Organisations présentes (ajoutées à celles déjà consignées)"),
    ("Output format", "Format de sortie"),
    ("Overwrite FILE if it exists", "Remplacer FICHIER s'il existe"),
    (
        "People: recipients and contacts in organizations (personal information stays here)",
        "Personnes\u{a0}: destinataires et contacts dans les organisations (les renseignements personnels restent ici)",
    ),
    (
        "Plan a distribution: MATERIAL/RECIPIENT (an organization or a person)",
        "Prévoir un envoi\u{a0}: DOCUMENT/DESTINATAIRE (une organisation ou une personne)",
    ),
    (
        "Print a shell completion script: bash, zsh, fish or powershell",
        "Afficher un script de complétion pour l'interpréteur\u{a0}: bash, zsh, fish ou powershell",
    ),
    ("Print help", "Afficher l'aide"),
    ("Print the manual page (roff), e.g. `engage man > engage.1`", "Afficher la page de manuel (roff), p. ex. `engage man > engage.1`"),
    ("Print this message or the help of the given subcommand(s)", "Afficher ce message ou l'aide des sous-commandes données"),
    ("Print version", "Afficher la version"),
    (
        "Record a measurement of an expected result (one a day: recording again replaces it)",
        "Consigner une mesure d'un résultat attendu (une par jour\u{a0}: une nouvelle mesure le même jour remplace l'ancienne)",
    ),
    ("Record organizations that attended the meeting", "Consigner les organisations présentes à la réunion"),
    (
        "Record that a material was sent: to organizations, people, or each member of a table",
        "Consigner l'envoi d'un document\u{a0}: à des organisations, des personnes ou chaque membre d'une table",
    ),
    ("Record that no organization attended", "Consigner qu'aucune organisation n'était présente"),
    ("Record that nothing may be sent to them", "Consigner que rien ne peut lui être envoyé"),
    (
        "Record that the recipient acknowledged it (on --on, default today)",
        "Consigner l'accusé de réception du destinataire (le --on, par défaut aujourd'hui)",
    ),
    ("Remove a distribution", "Supprimer un envoi"),
    (
        "Remove a person for good; what was sent to them stays, as sent to their organization",
        "Supprimer une personne pour de bon; ce qui lui a été envoyé reste, comme envoyé à son organisation",
    ),
    ("Remove a value from the glossary", "Retirer une valeur du glossaire"),
    ("Remove an item that nothing refers to", "Supprimer un élément auquel rien ne renvoie"),
    ("Remove member organizations from a table", "Retirer des organisations membres d'une table"),
    (
        "Send one language version although its counterpart is not done yet (the gap is noted)",
        "Envoyer une version linguistique même si sa version équivalente n'est pas terminée (l'écart est noté)",
    ),
    (
        "Show one action: its fields, its state, the meeting it was committed at, and its journal",
        "Afficher une action de suivi\u{a0}: ses champs, son état, la réunion où elle a été convenue et son journal",
    ),
    (
        "Show one agenda item (MEETING/ITEM): its fields, its meeting's date, its state, and its journal",
        "Afficher un point à l'ordre du jour (RÉUNION/POINT)\u{a0}: ses champs, la date de sa réunion, son état et son journal",
    ),
    (
        "Show one channel: its fields, its state, the organization that runs it, its counterpart in the other language, and its journal",
        "Afficher un canal\u{a0}: ses champs, son état, l'organisation qui le gère, sa version dans l'autre langue et son journal",
    ),
    ("Show one distribution (MATERIAL/RECIPIENT) and its journal", "Afficher un envoi (DOCUMENT/DESTINATAIRE) et son journal"),
    (
        "Show one expected result: its fields, its value against the target, its measurements, and its journal",
        "Afficher un résultat attendu\u{a0}: ses champs, sa valeur par rapport à la cible, ses mesures et son journal",
    ),
    (
        "Show one material: its fields, its state, its counterpart in the other language, and its journal",
        "Afficher un document\u{a0}: ses champs, son état, sa version dans l'autre langue et son journal",
    ),
    (
        "Show one meeting: its fields, its table, who attended, its agenda items with their states, and its journal",
        "Afficher une réunion\u{a0}: ses champs, sa table, les présents, ses points à l'ordre du jour avec leur état et son journal",
    ),
    (
        "Show one milestone: its fields, its state, its dependencies and dependents, its forecast, slip and float, and its journal",
        "Afficher un jalon\u{a0}: ses champs, son état, ses dépendances et les jalons qui en dépendent, sa prévision, son écart et sa marge, et son journal",
    ),
    (
        "Show one organization: its fields, the tables it sits on, the meetings it attended, the channels it runs, and its journal",
        "Afficher une organisation\u{a0}: ses champs, les tables où elle siège, les réunions auxquelles elle a assisté, les canaux qu'elle gère et son journal",
    ),
    (
        "Show one person: their fields, their organization, what was sent to them, and their journal",
        "Afficher une personne\u{a0}: ses champs, son organisation, ce qui lui a été envoyé et son journal",
    ),
    (
        "Show one table: its fields, its member organizations, its meetings, and its journal",
        "Afficher une table\u{a0}: ses champs, ses organisations membres, ses réunions et son journal",
    ),
    ("Show what would change, and change nothing", "Afficher ce qui changerait, sans rien changer"),
    (
        "Standing tables, committees and other forums, with their members",
        "Tables permanentes, comités et autres forums, avec leurs membres",
    ),
    (
        "Take away everything a role was granted on the team store",
        "Retirer à un rôle tout ce qui lui a été accordé sur la base de données d'équipe",
    ),
    (
        "The CSV file: a header row with key,name,organization,role,email,lang",
        "Le fichier CSV\u{a0}: une ligne d'en-tête avec key,name,organization,role,email,lang",
    ),
    ("The PostgreSQL role", "Le rôle PostgreSQL"),
    ("The action's key", "La clé de l'action de suivi"),
    ("The campaign's name", "Le nom de la campagne"),
    ("The campaign's name in French", "Le nom de la campagne en français"),
    (
        "The campaign's store: a SQLite file, or a team store (postgres://USER@HOST/DATABASE). Default: $ENGAGE_DB, else the user data directory",
        "La base de données de la campagne\u{a0}: un fichier SQLite, ou une base de données d'équipe (postgres://UTILISATEUR@HÔTE/BASE). Par défaut\u{a0}: $ENGAGE_DB, sinon le répertoire de données de l'utilisateur",
    ),
    ("The channel's key", "La clé du canal"),
    ("The day it was done (default: today)", "Date de réalisation (par défaut\u{a0}: aujourd'hui)"),
    ("The day it was done (with status done)", "Le jour où il a été terminé (avec le statut done)"),
    ("The day it was measured (default: today)", "Le jour de la mesure (par défaut\u{a0}: aujourd'hui)"),
    ("The day it was sent (default: today)", "Le jour de l'envoi (par défaut\u{a0}: aujourd'hui)"),
    ("The day of the acknowledgement (default: today)", "Le jour de l'accusé de réception (par défaut\u{a0}: aujourd'hui)"),
    ("The day the recipient acknowledged it", "Le jour où le destinataire en a accusé réception"),
    ("The day to assess against (default: today)", "Le jour d'évaluation (par défaut\u{a0}: aujourd'hui)"),
    (
        "The day to show the campaign as of (default: 2018-09-20, mid-way)",
        "Le jour auquel afficher la campagne (par défaut\u{a0}: 20 septembre 2018, à mi-parcours)",
    ),
    (
        "The glossary: shared values (owners, locations, chairs, jurisdictions) and their French",
        "Le glossaire\u{a0}: valeurs partagées (responsables, lieux, présidences, compétences) et leur traduction française",
    ),
    ("The item's key (MEETING/ITEM for an agenda item)", "La clé de l'élément (RÉUNION/POINT pour un point à l'ordre du jour)"),
    (
        "The item's key (MEETING/ITEM for an agenda item). Refused while anything refers to it",
        "La clé de l'élément (RÉUNION/POINT pour un point à l'ordre du jour). Refusé tant que quelque chose y renvoie",
    ),
    (
        "The item's key now (MEETING/ITEM for an agenda item)",
        "La clé actuelle de l'élément (RÉUNION/POINT pour un point à l'ordre du jour)",
    ),
    ("The journal of changes, newest first", "Le journal des changements, du plus récent au plus ancien"),
    ("The language it is in: en, fr or bilingual", "Sa langue\u{a0}: en, fr ou bilingual"),
    (
        "The language it is in: en, fr or bilingual (`--lang` is the interface's language)",
        "Sa langue\u{a0}: en, fr ou bilingual (`--lang` est la langue de l'interface)",
    ),
    ("The language to write to them in: en or fr", "La langue dans laquelle lui écrire\u{a0}: en ou fr"),
    ("The material sent", "Le document envoyé"),
    ("The material's key", "La clé du document"),
    ("The meeting it was committed at", "La réunion où elle a été convenue"),
    ("The meeting it was committed at (\"\" clears it)", "La réunion où elle a été convenue (\"\" l'efface)"),
    ("The meeting's key", "La clé de la réunion"),
    (
        "The member organizations of this table that have not received the material (with --material)",
        "Les organisations membres de cette table qui n'ont pas reçu le document (avec --material)",
    ),
    ("The milestone's key", "La clé du jalon"),
    (
        "The milestones it depends on (repeat for several; replaces the list; --clear depends_on empties it)",
        "Les jalons dont il dépend (à répéter pour plusieurs\u{202f}; remplace la liste\u{202f}; --clear depends_on la vide)",
    ),
    (
        "The new item's key: lowercase letters, digits, '-', '_' and '.'",
        "La clé du nouvel élément\u{a0}: minuscules sans accent, chiffres, «\u{202f}-\u{202f}», «\u{202f}_\u{202f}» et «\u{202f}.\u{202f}»",
    ),
    (
        "The new person's key (shares one set of keys with organizations)",
        "La clé de la nouvelle personne (les personnes et les organisations partagent les mêmes clés)",
    ),
    ("The order of government it is about", "L'ordre de gouvernement qu'il concerne"),
    (
        "The order of government it is about: federal, provincial, territorial, indigenous, municipal or other",
        "L'ordre de gouvernement qu'il concerne\u{a0}: federal, provincial, territorial, indigenous, municipal ou other",
    ),
    ("The organization of the member who forwarded it", "L'organisation du membre qui l'a transmis"),
    ("The organization of the member who forwarded it (\"\" clears it)", "L'organisation du membre qui l'a transmis (\"\" l'efface)"),
    ("The organization of the member who forwards it", "L'organisation du membre qui le transmet"),
    ("The organization that runs the channel", "L'organisation qui gère le canal"),
    ("The organization that runs the channel (\"\" clears it)", "L'organisation qui gère le canal (\"\" l'efface)"),
    ("The organization they belong to", "L'organisation dont elle fait partie"),
    ("The organization's key", "La clé de l'organisation"),
    ("The person's key", "La clé de la personne"),
    ("The plan file (TOML)", "Le fichier de plan (TOML)"),
    (
        "The recorded status: planned, in_progress, done, blocked, deferred or cancelled",
        "Le statut consigné\u{a0}: planned, in_progress, done, blocked, deferred ou cancelled",
    ),
    ("The result's key", "La clé du résultat"),
    ("The role may read and change the campaign", "Le rôle peut lire et modifier la campagne"),
    ("The role may read: every report, history, export", "Le rôle peut lire\u{a0}: tous les rapports, l'historique, l'export"),
    ("The same channel in the other official language", "Le même canal dans l'autre langue officielle"),
    ("The same channel in the other official language (\"\" clears it)", "Le même canal dans l'autre langue officielle (\"\" l'efface)"),
    ("The same material in the other official language", "Le même document dans l'autre langue officielle"),
    (
        "The same material in the other official language (\"\" clears it)",
        "Le même document dans l'autre langue officielle (\"\" l'efface)",
    ),
    ("The shell to complete for", "L'interpréteur pour lequel compléter"),
    (
        "The store to copy into: a new file, or a team store that holds no campaign yet",
        "La base de données où copier\u{a0}: un nouveau fichier, ou une base de données d'équipe sans campagne",
    ),
    (
        "The store to copy: a SQLite file or postgres://USER@HOST[:PORT]/DATABASE",
        "La base de données à copier\u{a0}: un fichier SQLite ou postgres://UTILISATEUR@HÔTE[:PORT]/BASE",
    ),
    ("The table that meets", "La table qui se réunit"),
    ("The table's key", "La clé de la table"),
    ("The topic in French", "Le sujet en français"),
    ("The topic in French (\"\" clears it)", "Le sujet en français (\"\" l'efface)"),
    ("The value as stored", "La valeur telle qu'elle est enregistrée"),
    (
        "The value as stored (an owner, a location, a chair, a jurisdiction)",
        "La valeur telle qu'elle est enregistrée (un responsable, un lieu, une présidence, une compétence)",
    ),
    ("The value measured: a number", "La valeur mesurée\u{a0}: un nombre"),
    ("The value to reach: a number more than 0", "La valeur à atteindre\u{a0}: un nombre supérieur à 0"),
    ("Their email address", "Son adresse de courriel"),
    ("Their email address (\"\" clears it)", "Son adresse de courriel (\"\" l'efface)"),
    ("Their name", "Son nom"),
    ("Their role", "Son rôle"),
    ("Their role (\"\" clears it)", "Son rôle (\"\" l'efface)"),
    (
        "Track a public-sector engagement campaign against its plan: the tables to brief, their meetings and agenda items, the channels, the materials and the critical path",
        "Suivre une campagne de mobilisation du secteur public par rapport à son plan\u{a0}: les tables à informer, leurs réunions et points à l'ordre du jour, les canaux, les documents et le chemin critique",
    ),
    (
        "Websites, newsletters and other channels that should carry a reference and link",
        "Sites Web, bulletins et autres canaux qui doivent publier une mention et un lien",
    ),
    ("What is counted (\"\" clears it)", "Ce qui est compté (\"\" l'efface)"),
    ("What is counted, e.g. organizations or percent (free text)", "Ce qui est compté, p. ex. organisations ou pourcentage (texte libre)"),
    (
        "What is due next: open items dated up to a window ahead (overdue ones included), and meetings",
        "Ce qui vient à échéance\u{a0}: éléments ouverts datés jusqu'à la fin de la fenêtre (y compris les éléments en retard) et réunions",
    ),
    ("What the item is about", "Le sujet du point"),
    ("What was decided (\"\" clears it)", "Ce qui a été décidé (\"\" l'efface)"),
    ("When it is due", "Son échéance"),
    ("When it should be sent", "Quand l'envoyer"),
    ("When the target should be reached", "Quand la cible doit être atteinte"),
    (
        "When to use colour: auto (on a terminal, unless NO_COLOR is set), always or never",
        "Quand utiliser la couleur\u{a0}: auto (dans un terminal, sauf si NO_COLOR est défini), always ou never",
    ),
    ("Where it takes place", "Où elle a lieu"),
    ("Where it takes place (\"\" clears it)", "Où elle a lieu (\"\" l'efface)"),
    (
        "Where it was published (channels and materials): absolute http(s) address",
        "Adresse de publication (canaux et documents)\u{a0}: adresse http(s) absolue",
    ),
    (
        "Where the campaign stands: percent complete, overdue items, critical path, projected end, reach",
        "Où en est la campagne\u{a0}: pourcentage d'achèvement, retards, chemin critique, fin prévue, portée",
    ),
    ("Where to write the copy", "Où écrire la copie"),
    ("Whether anything may be sent to them: true or false", "Si on peut lui envoyer quelque chose\u{a0}: true ou false"),
    (
        "Which organizations the campaign has reached, since when and how; the next opportunity for the others",
        "Quelles organisations la campagne a atteintes, depuis quand et comment; la prochaine occasion pour les autres",
    ),
    ("Who chairs it (\"\" clears it)", "Qui la préside (\"\" l'efface)"),
    ("Who chairs it (free text)", "Qui la préside (texte libre)"),
    ("Who identified them", "Qui l'a désignée"),
    ("Who identified them (\"\" clears it)", "Qui l'a désignée (\"\" l'efface)"),
    ("Who is responsible (\"\" clears it)", "Qui en est responsable (\"\" l'efface)"),
    ("Who is responsible (free text)", "Qui en est responsable (texte libre)"),
    ("Who may read or change a team store (PostgreSQL roles)", "Qui peut lire ou modifier une base de données d'équipe (rôles PostgreSQL)"),
    (
        "Write the store as a plan file that applies to the same state",
        "Écrire la base de données en fichier de plan qui redonne le même état",
    ),
    ("Write to FILE instead of standard output", "Écrire dans FICHIER plutôt que sur la sortie standard"),
    (
        "email, key_messages, presentation, talking_points, plan or other",
        "email, key_messages, presentation, talking_points, plan ou other",
    ),
    (
        "federal, provincial, territorial, indigenous, municipal or other",
        "federal, provincial, territorial, indigenous, municipal ou other",
    ),
    ("table, committee, council, symposium, network or other", "table, committee, council, symposium, network ou other"),
    ("website, newsletter, magazine, email, social, event or other", "website, newsletter, magazine, email, social, event ou other"),
];

/// The French of an English help text, if the catalogue has it.
pub fn french(english: &str) -> Option<&'static str> {
    FRENCH.binary_search_by(|(en, _)| (*en).cmp(english)).ok().map(|i| FRENCH[i].1)
}

/// The command line in `ui`'s language, for `--help`: in French, every about and help text
/// translated, and clap's own headings ("Usage", "Commands") too. Arguments, values and names
/// stay as they are.
pub fn localize(cmd: Command, ui: Ui) -> Command {
    localized(cmd, ui, Headings::Terminal)
}

/// The same, for a manual page: section names without the space French puts before a colon
/// (the page has no colons).
pub fn localize_for_page(cmd: Command, ui: Ui) -> Command {
    localized(cmd, ui, Headings::Page)
}

/// Where headings go: after them, clap writes a colon in `--help`, nothing on a manual page.
#[derive(Clone, Copy)]
enum Headings {
    Terminal,
    Page,
}

impl Headings {
    /// A heading (`Commandes`, `Options`, `Arguments`): French wants a space before the colon
    /// clap adds in `--help`.
    fn name(self, name: &'static str) -> &'static str {
        match (self, name) {
            (Headings::Page, _) => name,
            (Headings::Terminal, "Commandes") => "Commandes\u{a0}",
            (Headings::Terminal, "Arguments") => "Arguments\u{a0}",
            (Headings::Terminal, _) => "Options\u{a0}",
        }
    }
}

fn localized(cmd: Command, ui: Ui, headings: Headings) -> Command {
    match ui {
        Ui::En => cmd,
        Ui::Fr => {
            let mut cmd = cmd;
            cmd.build();
            french_command(cmd, headings)
        }
    }
}

fn french_command(cmd: Command, headings: Headings) -> Command {
    let about = cmd.get_about().map(|a| a.to_string());
    let mut cmd = cmd
        .help_template("{before-help}{about-with-newline}\nUtilisation\u{a0}: {usage}\n\n{all-args}{after-help}")
        .subcommand_help_heading(headings.name("Commandes"))
        .subcommand_value_name("COMMANDE")
        .mut_args(move |a| french_arg(a, headings))
        .mut_subcommands(move |c| french_command(c, headings));
    if let Some(fr) = about.as_deref().and_then(french) {
        cmd = cmd.about(fr);
    }
    cmd
}

/// The name of an argument's value (`<FILE>`) → its French (`<FICHIER>`), sorted by the English.
const VALUE_NAMES: &[(&str, &str)] = &[
    ("BOOL", "BOOLÉEN"),
    ("CHAIR", "PRÉSIDENCE"),
    ("CONTACT", "CONTACT"),
    ("COUNTERPART", "VERSION_ÉQUIVALENTE"),
    ("DATE", "DATE"),
    ("DAYS", "JOURS"),
    ("EMAIL", "COURRIEL"),
    ("ENGLISH", "VALEUR"),
    ("FIELD", "CHAMP"),
    ("FILE", "FICHIER"),
    ("FORMAT", "FORMAT"),
    ("FRENCH", "FRANÇAIS"),
    ("ITEM", "POINT"),
    ("JURISDICTION", "COMPÉTENCE"),
    ("KEY", "CLÉ"),
    ("KIND", "TYPE"),
    ("LANG", "LANGUE"),
    ("LOCATION", "LIEU"),
    ("MATERIAL", "DOCUMENT"),
    ("MEETING", "RÉUNION"),
    ("N", "N"),
    ("NAME", "NOM"),
    ("NAME_FR", "NOM_FR"),
    ("NEW", "NOUVELLE_CLÉ"),
    ("NOTE", "NOTE"),
    ("NUMBER", "NOMBRE"),
    ("OLD", "ANCIENNE_CLÉ"),
    ("ORDER", "ORDRE"),
    ("ORG", "ORG"),
    ("ORGANIZATION", "ORGANISATION"),
    ("OUTCOME", "RÉSULTAT"),
    ("OWNER", "RESPONSABLE"),
    ("PATH", "CHEMIN"),
    ("RECIPIENT", "DESTINATAIRE"),
    ("REFERENCE", "RÉFÉRENCE"),
    ("ROLE", "RÔLE"),
    ("SHELL", "SHELL"),
    ("SOURCE", "SOURCE"),
    ("STATUS", "STATUT"),
    ("TABLE", "TABLE"),
    ("TARGET", "CIBLE"),
    ("TERM", "TERME"),
    ("TITLE", "TITRE"),
    ("TITLE_FR", "TITRE_FR"),
    ("TO", "DESTINATAIRE"),
    ("TOPIC", "SUJET"),
    ("TOPIC_FR", "SUJET_FR"),
    ("UNIT", "UNITÉ"),
    ("URL", "URL"),
    ("VALUE", "VALEUR"),
    ("VIA", "PAR"),
    ("WHEN", "QUAND"),
];

/// The French name of an argument's value; `None` for a name without one.
fn french_value_name(english: &str) -> Option<&'static str> {
    VALUE_NAMES.binary_search_by(|(en, _)| (*en).cmp(english)).ok().map(|i| VALUE_NAMES[i].1)
}

/// One argument in French: its help, its heading, its value names, and the notes clap would add
/// in English (possible values, default) written in French instead.
fn french_arg(arg: clap::Arg, headings: Headings) -> clap::Arg {
    let heading = headings.name(if arg.is_positional() { "Arguments" } else { "Options" });
    let mut arg = if arg.get_help_heading().is_some() { arg } else { arg.help_heading(heading) };
    let names: Option<Vec<&'static str>> = arg
        .get_value_names()
        .filter(|_| arg.get_action().takes_values())
        .map(|names| names.iter().map(|n| french_value_name(n.as_str()).unwrap_or("VALEUR")).collect());
    if let Some(names) = names {
        arg = arg.value_names(names);
    }
    let mut help = arg.get_help().map(|h| h.to_string()).and_then(|h| french(&h)).map(str::to_string).unwrap_or_default();
    if arg.get_action().takes_values() {
        let defaults: Vec<String> = arg.get_default_values().iter().map(|v| v.to_string_lossy().into_owned()).collect();
        if !defaults.is_empty() {
            help.push_str(&format!(" [par défaut\u{a0}: {}]", defaults.join(", ")));
            arg = arg.hide_default_value(true);
        }
        let values: Vec<String> = arg.get_possible_values().iter().filter(|v| !v.is_hide_set()).map(|v| v.get_name().to_string()).collect();
        if !values.is_empty() {
            help.push_str(&format!(" [valeurs possibles\u{a0}: {}]", values.join(", ")));
            arg = arg.hide_possible_values(true);
        }
    }
    if help.is_empty() { arg } else { arg.help(help) }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use clap::CommandFactory;

    use super::*;

    /// Every about and help text of the built command, English.
    fn texts(cmd: &Command, out: &mut BTreeSet<String>) {
        out.extend(cmd.get_about().map(|a| a.to_string()));
        out.extend(cmd.get_long_about().map(|a| a.to_string()));
        for arg in cmd.get_arguments() {
            out.extend(arg.get_help().map(|h| h.to_string()));
            out.extend(arg.get_long_help().map(|h| h.to_string()));
        }
        for sub in cmd.get_subcommands() {
            texts(sub, out);
        }
    }

    #[test]
    fn every_help_text_has_its_french_and_no_french_is_stale() {
        let mut cmd = crate::cli::Cli::command();
        cmd.build();
        let mut english = BTreeSet::new();
        texts(&cmd, &mut english);
        let missing: Vec<&String> = english.iter().filter(|t| french(t).is_none()).collect();
        assert!(missing.is_empty(), "help without French: {missing:#?}");
        let stale: Vec<&str> = FRENCH.iter().map(|(en, _)| *en).filter(|en| !english.contains(*en)).collect();
        assert!(stale.is_empty(), "French help no command uses: {stale:#?}");
        assert!(FRENCH.windows(2).all(|w| w[0].0 < w[1].0), "FRENCH must stay sorted by the English");
    }

    /// Every value name of the built command.
    fn value_names(cmd: &Command, out: &mut BTreeSet<String>) {
        for arg in cmd.get_arguments() {
            if arg.get_action().takes_values() {
                out.extend(arg.get_value_names().into_iter().flatten().map(|n| n.to_string()));
            }
        }
        for sub in cmd.get_subcommands() {
            value_names(sub, out);
        }
    }

    #[test]
    fn every_value_name_has_its_french() {
        let mut cmd = crate::cli::Cli::command();
        cmd.build();
        let mut names = BTreeSet::new();
        value_names(&cmd, &mut names);
        let missing: Vec<&String> = names.iter().filter(|n| french_value_name(n).is_none()).collect();
        assert!(missing.is_empty(), "value names without French: {missing:#?}");
        assert!(VALUE_NAMES.windows(2).all(|w| w[0].0 < w[1].0), "VALUE_NAMES must stay sorted by the English");
    }

    #[test]
    fn the_french_command_speaks_french() {
        let mut cmd = localize(crate::cli::Cli::command(), Ui::Fr);
        let help = cmd.render_help().to_string();
        assert!(help.contains("Utilisation\u{a0}: engage"), "{help}");
        assert!(help.contains("Commandes\u{a0}:"), "{help}");
        assert!(help.contains("Options\u{a0}:"), "{help}");
        assert!(help.contains("[par défaut\u{a0}: auto] [valeurs possibles\u{a0}: auto, always, never]"), "{help}");
        assert!(!help.contains("possible values") && !help.contains("default:"), "{help}");
        assert!(help.contains("Afficher l'aide"), "{help}");
        assert!(help.contains("Où en est la campagne"), "{help}");
        let plan = cmd.find_subcommand_mut("plan").and_then(|p| p.find_subcommand_mut("apply")).map(|a| a.render_help().to_string());
        let plan = plan.unwrap_or_default();
        assert!(plan.contains("Supprimer aussi ce que le fichier omet"), "{plan}");
        assert!(!plan.contains("Also delete"), "{plan}");
        assert!(plan.contains("Arguments\u{a0}:"), "{plan}");
    }
}
