//! The matching rules, one table per behaviour, each row a real sentence (mostly from the seed
//! articles) and, in text order, the mentions it must yield as `code:text` and the names that
//! matched but must not count as `!rule:text`, naming the rule that vetoes them (see
//! `Veto::name`), so that a row cannot pass for the wrong reason.

use sorot_engine::matcher::Matcher;

fn found(text: &str) -> Vec<String> {
    let m = Matcher::bundled();
    let (mentions, vetoed) = m.explain(text);
    let mut out: Vec<(u32, String)> = mentions
        .iter()
        .map(|x| (x.span.start, format!("{}:{}", m.gazetteer().entity(x.entity).code, x.span.slice(text))))
        .chain(vetoed.iter().map(|v| (v.span.start, format!("!{}:{}", v.veto.name(), v.span.slice(text)))))
        .collect();
    out.sort_by_key(|x| x.0);
    out.into_iter().map(|x| x.1).collect()
}

fn check(table: &[(&str, &[&str])]) {
    for (text, want) in table {
        assert_eq!(found(text), *want, "in {text:?}");
    }
}

#[test]
fn leftmost_longest_names_are_one_mention() {
    check(&[
        (
            "pemberian status pengamat kepada Organisasi Kerja Sama Shanghai (SCO) dalam organisasi tersebut",
            &["sco:Organisasi Kerja Sama Shanghai", "sco:SCO"],
        ),
        (
            "pertemuan puncak informal Persemakmuran Negara-Negara Merdeka (CIS) di St Petersburg",
            &["cis:Persemakmuran Negara-Negara Merdeka", "cis:CIS"],
        ),
        ("Presiden Federasi Rusia, Vladimir Vladimirovich Putin", &["RU:Federasi Rusia"]),
        ("Uni Ekonomi Eurasia (EAEU), tegas Kementerian", &["eaeu:Uni Ekonomi Eurasia", "eaeu:EAEU"]),
        ("Sidang Dewan Keamanan PBB membahas", &["unsc:Dewan Keamanan PBB"]),
        // A session of the UN, as the annotators read it; the Assembly is "Majelis Umum".
        ("untuk menghadiri sidang umum PBB yang menyoroti perubahan iklim", &["un:PBB"]),
        ("pidato di Sidang Majelis Umum PBB di New York", &["unga:Majelis Umum PBB"]),
        ("setelah runtuhnya Uni Soviet.", &["SU:Uni Soviet"]),
    ]);
}

#[test]
fn acronyms_match_only_in_their_case() {
    check(&[
        ("bersama Presiden AS Donald Trump pada Agustus", &["US:AS"]),
        ("sebagai platform untuk interaksi", &[]),
        ("AS Tolak Rencana Inggris untuk Kirim Pasukan", &["US:AS", "GB:Inggris"]),
        ("kata Sekretaris CIS Jenderal Sergei Lebedev", &["cis:CIS"]),
        ("the cis-trans isomer", &[]),
    ]);
}

#[test]
fn names_match_in_any_case_and_spelling_variant() {
    check(&[
        ("RUSIA DAN CHINA", &["RU:RUSIA", "CN:CHINA"]),
        ("KTT Asean 2023 di Jakarta", &["asean:Asean"]),
        ("Organisasi Kerjasama Shanghai (SCO) dan", &["sco:Organisasi Kerjasama Shanghai", "sco:SCO"]),
        ("organisasi kerja sama shanghai", &["sco:organisasi kerja sama shanghai"]),
    ]);
}

#[test]
fn hyphenated_compounds_yield_their_parts() {
    check(&[
        (
            "PM Negara NATO Mencela Uni Eropa yang Ingin Perang saat AS Coba Damaikan Rusia-Ukraina",
            &["nato:NATO", "eu:Uni Eropa", "US:AS", "RU:Rusia", "UA:Ukraina"],
        ),
        ("Jaksa Agung AS Sebut Demonstran Pro-Palestina sebagai Teroris", &["US:AS", "PS:Palestina"]),
        ("beberapa republik pasca-Soviet telah memilih", &["SU:Soviet"]),
        ("Dubes: I-EAEU FTA bisa bebaskan bea impor", &["eaeu:EAEU"]),
        ("kemitraan strategis Rusia-China di tingkat bilateral", &["RU:Rusia", "CN:China"]),
    ]);
}

#[test]
fn enclitics_do_not_hide_a_name() {
    check(&[
        ("Arab Saudilah yang pertama", &["SA:Arab Saudi"]),
        ("Rusiakah yang salah?", &["RU:Rusia"]),
        ("Indonesiapun setuju", &["ID:Indonesia"]),
    ]);
}

#[test]
fn government_phrases_are_mentions_of_the_country() {
    check(&[
        ("Juru bicara Kementerian Luar Negeri Rusia menekankan bahwa", &["RU:Kementerian Luar Negeri Rusia"]),
        ("kata Perdana Menteri Rusia Mikhail Mishustin", &["RU:Rusia"]),
    ]);
}

#[test]
fn languages_and_places_named_after_countries_are_not_mentions() {
    check(&[
        ("dengan bahasa Rusia menjadi “kekuatan pemersatu yang kuat", &["!word-before:Rusia"]),
        ("kursus bahasa Inggris", &["!word-before:Inggris"]),
        ("sengketa di Laut China Selatan memanas", &["!block:Laut China Selatan"]),
        ("Moskow tetap mempertahankan statusnya", &[]),
        ("jalur integrasi Eropa yang membawa bencana", &[]),
        ("Scan QR Code Bisnis Indonesia e-paper", &["!block:Bisnis Indonesia"]),
        // One "bahasa" makes a whole list of languages; a gulf's word does not.
        (
            "antara lain bahasa Perancis, Indonesia, Malaysia, Rusia dan Ukraina. Dengan begitu",
            &[
                "!word-before:Perancis",
                "!language-list:Indonesia",
                "!language-list:Malaysia",
                "!language-list:Rusia",
                "!language-list:Ukraina",
            ],
        ),
        (
            "tersedia dalam bahasa Inggris, Mandarin, dan Indonesia saja",
            &["!word-before:Inggris", "!language-list:Indonesia"],
        ),
        ("ditahan di pusat penahanan di Teluk Guantanamo, Kuba, dan menambahkan", &["CU:Kuba"]),
        // A valley, an armed group, and a territory in lower case (the capitalized form is
        // CLDR's name of the state).
        (
            "dengan 2 juta penduduk Palestina di Lembah Jordan. Pemimpin Israel",
            &["PS:Palestina", "!word-before:Jordan", "IL:Israel"],
        ),
        ("jaringan Negara Islam Irak dan Suriah (ISIS) serta kelompok", &["!block:Negara Islam Irak dan Suriah"]),
        ("bagian mana pun dari wilayah Palestina yang diduduki oleh Israel", &["PS:Palestina", "IL:Israel"]),
        // A part of the United Kingdom, not Ireland.
        ("kala Jerman berhadapan dengan Irlandia Utara di Windsor Park", &["DE:Jerman", "!block:Irlandia Utara"]),
    ]);
}

#[test]
fn short_forms_need_the_full_name_in_the_same_text() {
    check(&[
        (
            "Persemakmuran Negara-Negara Merdeka bertemu. Para kepala negara Persemakmuran setuju.",
            &["cis:Persemakmuran Negara-Negara Merdeka", "cis:Persemakmuran"],
        ),
        ("Para kepala negara Persemakmuran setuju.", &["!short:Persemakmuran"]),
    ]);
}

#[test]
fn personal_names_next_to_a_country_name_are_not_mentions() {
    check(&[
        ("Polres Anambas mengamankan Indra Jepang di hotel Panorama", &["!ends-proper-name:Jepang"]),
        ("Jepang dan Korea Selatan berusaha untuk membedakan", &["JP:Jepang", "KR:Korea Selatan"]),
        // A particle of the name after it: a person, even after a quotation.
        ("titik peluncuran yang pasti,\" kata Turki al-Maliki, juru bicara Koalisi Arab", &["!followed-by-name:Turki"]),
        ("kunjungan ke Turki pekan lalu", &["TR:Turki"]),
        // A race before the country, like "GP": the country still counts.
        ("sesi latihan pertama MotoGP San Marino 2019 ini", &["SM:San Marino"]),
    ]);
}

#[test]
fn empty_and_odd_texts_are_handled() {
    check(&[
        ("", &[]),
        ("\u{feff}\u{200b}  \n\n", &[]),
        ("<script>alert('Rusia')</script>", &["RU:Rusia"]),
        ("Rusia\u{301} dan Ukraina", &["RU:Rusia\u{301}", "UA:Ukraina"]),
    ]);
}

#[test]
fn institutions_named_after_a_country_are_not_mentions_of_it() {
    check(&[
        ("Gubernur Bank Indonesia Perry Warjiyo memberikan informasi", &["!institution:Indonesia"]),
        ("dari Universitas Islam Indonesia (UII) Ismail Fahmi", &["!institution:Indonesia"]),
        ("Sekretaris Jenderal Persatuan Petambak Garam Indonesia Waji memandang", &["!institution:Indonesia"]),
        ("Jakarta, CNN Indonesia - - Pemerintahan Thailand bersama Google", &["!block:CNN Indonesia", "TH:Pemerintahan Thailand"]),
        ("kilang minyak Saudi Aramco di Abqaiq", &["!block:Saudi Aramco"]),
        // Movements, forums and galleries open names too, and "dan" may join their words.
        ("aktivis Pergerakan Mahasiswa Islam Indonesia (PMII) Jatim", &["!institution:Indonesia"]),
        ("Sekretaris Jenderal Organisasi Pembebasan Palestina (PLO), Saeb Erekat", &["!institution:Palestina"]),
        ("Badan Pimpinan Pusat Perhimpunan Hotel dan Restoran Indonesia, Maulana Yusran, mengatakan okupansi perhotelan di Riau sudah anjlok", &["!institution:Indonesia"]),
        ("di Galeri Nasional Indonesia pada 30 November", &["!institution:Indonesia"]),
        // A club and a stadium named after places are neither; a US company is the US.
        ("Musim lalu, pilihan saya adalah menetap di AS Roma. Kita akan lihat", &["!block:AS Roma"]),
        ("laga di Stade de France, Paris", &["!block:Stade de France"]),
        ("Perusahaan AS itu pun memastikan", &["US:AS"]),
        ("Ketua DPR AS Nancy Pelosi mengatakan", &["US:AS"]),
        // A context word stops the look-back: the country after it is a mention.
        ("Universitas Harvard Undang Presiden Indonesia", &["ID:Indonesia"]),
    ]);
}

#[test]
fn a_country_after_a_proper_name_is_part_of_it_but_not_after_an_ordinary_noun() {
    check(&[
        ("Ia kini menjadi Country Head Alipay Indonesia sejak Januari.", &["!ends-proper-name:Indonesia"]),
        ("Kepala Cabang AirNav Indonesia Cabang Pembantu Timika, Andi Nurwansyah, mengatakan bahwa penerbangan tetap berjalan normal.", &["!ends-proper-name:Indonesia"]),
        ("menurut Menteri Lingkungan Malaysia, Yeo Bee Yin", &["MY:Malaysia"]),
        ("putusan Mahkamah Agung Amerika Serikat kemarin", &["US:Amerika Serikat"]),
        ("sebanyak 20 ribu kamp dibangun oleh Nazi Jerman untuk memenjarakan", &["DE:Jerman"]),
        ("Milisi Houthi Yaman yang didukung Iran mengklaim", &["YE:Yaman", "IR:Iran"]),
        ("kata Chef de Mission Kontingen Indonesia di Jakarta", &["ID:Indonesia"]),
    ]);
}

#[test]
fn more_government_phrases_and_their_acronyms() {
    check(&[
        ("diunggah akun Twitter Kedubes Inggris di Twitter", &["GB:Kedubes Inggris"]),
        ("Kedutaan Besar Inggris di Jakarta mengibarkan bendera", &["GB:Kedutaan Besar Inggris"]),
        ("kali pertama bagi KBRI Ottawa menyelenggarakan kegiatan", &["ID:KBRI"]),
        ("pemerintah Jepang menolak", &["JP:pemerintah Jepang"]),
        ("Angkatan Laut AS mengatakan kapal induk", &["!block:Angkatan Laut", "US:AS"]),
    ]);
}

#[test]
fn official_long_forms_must_be_capitalized() {
    check(&[
        ("Kerajaan Thailand menolak", &["TH:Kerajaan Thailand"]),
        ("pendukung garis keras kerajaan Thailand yang", &["TH:Thailand"]),
    ]);
}

#[test]
fn epithets_variants_and_other_scripts() {
    check(&[
        ("perang dagang dengan Negeri Paman Sam berlanjut", &["US:Negeri Paman Sam"]),
        ("produk dari Negeri Tirai Bambu", &["CN:Negeri Tirai Bambu"]),
        ("warga Timor Leste dan Timor-Leste", &["TL:Timor Leste", "TL:Timor-Leste"]),
        ("Korut dan Korsel sepakat", &["KP:Korut", "KR:Korsel"]),
        ("Россия и Китай", &["RU:Россия", "CN:Китай"]),
        ("中国和俄罗斯", &["CN:中国", "RU:俄罗斯"]),
        ("la Chine et la Russie", &["CN:Chine", "RU:Russie"]),
    ]);
}

#[test]
fn currency_codes_and_personal_names() {
    check(&[
        ("senilai US$ 15 ribu", &["!currency:US"]),
        ("juru bicara Kolonel Turki al-Maliki menjelaskan", &["!followed-by-name:Turki"]),
        ("Presiden Turki Recep Tayyip Erdogan", &["TR:Turki"]),
        ("legenda NBA Michael Jordan pensiun", &["!ends-proper-name:Jordan"]),
    ]);
}

#[test]
fn a_capitalized_word_one_letter_off_a_name_is_read_as_the_name() {
    check(&[
        ("sang rival juga melawan tim lemah, Maldova, yang saat ini berada di", &["MD:Maldova"]),
        (
            "Presiden berterima kasih kepada pemerintah Banglasdesh dan Myanmar yang telah membantu",
            &["BD:pemerintah Banglasdesh", "MM:Myanmar"],
        ),
        ("mendatangi Mabes Polri dan Kedutan Besar Australia. Mereke menuntut", &["AU:Kedutan Besar Australia"]),
        ("ujar mantan perdana menteri Timor Lese ini.", &["TL:Timor Lese"]),
        ("kini Thialand datang dan dipastikan", &["TH:Thialand"]),
        // Two letters swapped, even at the end and in a shorter name.
        ("Pembalap Yamaha asal Italai itu mengumpulkan 116 poin.", &["IT:Italai"]),
        // The last letter doubled, and an outlet's common spelling.
        ("Timnas Indonesiaa U-16 sempat menahan Korea Selatan", &["ID:Indonesiaa", "KR:Korea Selatan"]),
        ("yang sempat melarikan diri ke Moroko, dijatuhi hukuman", &["MA:Moroko"]),
        // A capital I typed or scanned as a lower-case l.
        ("pionir dalam membuka market entri MPV di lndonesia ini mampu", &["ID:lndonesia"]),
        // Headlines in capitals too.
        ("DEMO DI DEPAN KEDUTAN BESAR AUSTRALIA", &["AU:KEDUTAN BESAR AUSTRALIA"]),
    ]);
}

#[test]
fn words_one_letter_off_a_name_are_not_misspellings_of_it() {
    check(&[
        // Ordinary words (they occur in lower case) and names more common than a typo would be.
        ("Anggaran Pendapatan dan Belanja Daerah (APBD) Pemerintah", &[]),
        ("aksi penembakan pertama terjadi di Columbia Heights, saat", &[]),
        // A brand with a capital inside; an edit at the first or last letter (a suffix, a demonym).
        ("baterai 5.000 mAh, Android 9.0, ColorOS 6, Dolby Atmos", &[]),
        ("Acara pembukaan Indonesian Festival 2019 diawali", &[]),
        ("para pekerja Filipino di Hong Kong", &["HK:Hong Kong"]),
        // Short names are not corrected except for a swap; lower-case words never; nor acronyms.
        ("di kampus Jalan M Yamin, Kecamatan Kuranji", &[]),
        ("kata dia di thialand", &[]),
        ("lalu lsrael dan lnggris", &["GB:lnggris"]),
        ("Sekjen PBH dan UEE", &[]),
        // A corrected name followed by a surname is a person.
        (
            "suara-suara yang keluar dari mulut mereka.\n\nBelinda Barnet, pemimpin tim peneliti",
            &["!followed-by-name:Belinda"],
        ),
    ]);
}

#[test]
fn spelling_variants_are_the_same_word_and_not_corrections() {
    let m = Matcher::bundled();
    let text = "Sebagai wilayah bekas Uni Sovyet, kata juru bicara Kementrian Luar Negeri Rusia.";
    let found = m.find(text);
    let got: Vec<_> = found.iter().map(|x| (x.span.slice(text), x.corrected)).collect();
    assert_eq!(got, [("Uni Sovyet", false), ("Kementrian Luar Negeri Rusia", false)]);
    let typo = "melawan tim lemah, Maldova, yang";
    assert!(m.find(typo)[0].corrected, "a misspelling is flagged as corrected");
}

#[test]
fn a_ministry_named_in_full_before_a_country_is_one_mention_of_it() {
    check(&[
        ("sejumlah jurnalis, serta akun Kementerian Komunikasi Kuba. Menurut", &["CU:Kementerian Komunikasi Kuba"]),
        (
            "kata Kementerian Ekonomi, Perdagangan dan Industri Jepang. Beberapa",
            &["JP:Kementerian Ekonomi, Perdagangan dan Industri Jepang"],
        ),
        ("Kementerian Hukum dan HAM RI menyatakan", &["ID:Kementerian Hukum dan HAM RI"]),
        ("Departemen Tenaga Kerja AS merilis data", &["US:Departemen Tenaga Kerja AS"]),
        ("kata Hua Cunying, juru bicara kementerian Cina, di Beijing", &["CN:kementerian Cina"]),
        // Two bodies, a list, another government phrase, an institution, a person: not one ministry.
        ("Kementerian Luar Negeri dan KBRI Australia membantu", &["ID:KBRI", "AU:Australia"]),
        ("Kementerian KKP, Kepolisian RI dan lainnya", &["ID:RI"]),
        (
            "gengsi dari Kementerian Luar Negeri dan Kementerian Kebudayaan Prancis, Cinema du Monde",
            &["FR:Kementerian Kebudayaan Prancis"],
        ),
        ("kata Kepala Departemen Komunikasi Bank Indonesia Onny Widjanarko", &["!institution:Indonesia"]),
        ("Juru bicara Kementerian Pertahanan Kolonel Turki al-Malki mengatakan", &["!followed-by-name:Turki"]),
        (
            "dan Pembinaan Bahasa Kementerian Pendidikan dan Kebudayaan RI hingga saat ini",
            &["ID:Kementerian Pendidikan dan Kebudayaan RI"],
        ),
    ]);
}

#[test]
fn a_navy_is_not_a_sea() {
    check(&[
        ("Di pangkalan Yokosuka Angkatan Laut Jepang di Prefektur Kanagawa", &["!block:Angkatan Laut", "JP:Jepang"]),
        ("kapal perang melintas di Laut Jepang kemarin", &["!block:Laut Jepang"]),
    ]);
}

#[test]
fn a_foreign_name_before_a_capitalized_word_is_part_of_a_proper_name() {
    check(&[
        ("Dia mengatakan Jamaica Estates aman dan sangat berorientasi", &["!followed-by-name:Jamaica"]),
        ("Sementara Japan Times melaporkan, terjangan topan", &["!followed-by-name:Japan"]),
        ("koran nasional yang berkantor di Mexico City. Wartawan", &["!followed-by-name:Mexico"]),
        ("\"Jadi US Chamber kerja sama dengan Kadin dan Asosiasi", &["!followed-by-name:US"]),
        // Still a mention with a title before it, or alone.
        ("Presiden Afghanistan Ashraf Ghani dengan cepat mengutuk", &["AF:Afghanistan"]),
        ("mengikuti turnamen di Japan pekan lalu", &["JP:Japan"]),
    ]);
}

#[test]
fn the_un_human_rights_office_by_its_indonesian_name() {
    check(&[(
        "kelompok ahli independen di bawah naungan Komisi Tinggi Hak Asasi Manusia Perserikatan Bangsa-Bangsa (OHCHR) meminta",
        &["ohchr:Komisi Tinggi Hak Asasi Manusia Perserikatan Bangsa-Bangsa", "ohchr:OHCHR"],
    )]);
}

#[test]
fn indonesian_workers_abroad_are_mentions_of_indonesia() {
    check(&[("Dikutip dari asiaone.com, identitas TKI, 29 tahun, itu tidak dipublikasi.", &["ID:TKI"])]);
}

#[test]
fn names_with_invisible_wide_or_turkish_letters_are_matched_where_they_stand() {
    check(&[
        ("sikap Ru\u{200b}sia menolak", &["RU:Ru\u{200b}sia"]),
        ("Presiden Ru\u{ad}sia dan Ukra\u{2060}ina", &["RU:Ru\u{ad}sia", "UA:Ukra\u{2060}ina"]),
        ("kerja sama \u{200b}Rusia\u{200b} dan China", &["RU:Rusia", "CN:China"]),
        ("delegasi Korea\u{200b} Selatan tiba", &["KR:Korea\u{200b} Selatan"]),
        ("ＲＵＳＩＡ dan Ｃｈｉｎａ", &["RU:ＲＵＳＩＡ", "CN:Ｃｈｉｎａ"]),
        ("PRESIDEN TÜRKİYE DAN TURKI", &["TR:TÜRKİYE", "TR:TURKI"]),
    ]);
}
