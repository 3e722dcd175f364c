//! Generated text alternatives, ja and en, from the seed figures.

use crate::common::*;

#[test]
fn time_series_say_where_they_went_in_points() {
    let rate = chart(
        r#"{"type":"line","title":"マイナンバーカードの保有率","unit":"%","categories":["2021-11","2022-07","2024-08","2025-07"],
        "series":[{"name":"保有率","values":[39,45.8,75,79]}]}"#,
    );
    assert_eq!(
        rate.page_text().description,
        "マイナンバーカードの保有率は2021年11月の39.0%から2025年7月の79.0%へ40.0ポイント上昇しました。"
    );
    let exact = chart(
        r#"{"type":"line","title":"マイナンバーカードの保有率","unit":"%","categories":["2021-11","2025-07"],
        "series":[{"name":"保有率","values":[39,79]}]}"#,
    );
    assert_eq!(exact.page_text().description, "マイナンバーカードの保有率は2021年11月の39%から2025年7月の79%へ40ポイント上昇しました。");
}

#[test]
fn counts_change_in_their_own_scale_and_extremes_are_named() {
    let cards = fixture("mynumber-cards-man.json");
    assert_eq!(
        cards.page_text().description,
        "マイナンバーカードの保有枚数は2021年11月の5,007万枚から2025年7月の9,852万枚へ4,845万枚増加しました。"
    );
    let en = fixture("cards-en.json");
    assert_eq!(
        en.page_text().description,
        "My Number Cards issued increased by 48.45M cards from 50.07M cards in Nov 2021 to 98.52M cards in Jul 2025."
    );
    let dip = chart(
        r#"{"type":"line","title":"t","unit":"件","categories":["2021","2022","2023","2024"],"series":[{"name":"s","values":[10,30,5,20]}]}"#,
    );
    assert_eq!(
        dip.page_text().description,
        "tは2021年の10件から2024年の20件へ10件増加しました。最大は2022年の30件、最小は2023年の5件です。"
    );
}

#[test]
fn categories_name_the_largest_and_its_share() {
    let analog = fixture("analog-regulation.json");
    assert_eq!(
        analog.page_text().description,
        "アナログ規制の見直しが完了した条項の内訳は9項目で、最も大きいのはフロッピーディスク等記録媒体の991条項（合計の22.7%）、最も小さいのはその他の33条項です。"
    );
}

#[test]
fn percent_stacks_name_the_largest_answer_per_row() {
    let survey = fixture("survey-percent-bar.json");
    assert_eq!(
        survey.page_text().description,
        "2023年調査では「良いと思う」が48.0%で最も多くなっています。2024年調査では「良いと思う」が50.9%で最も多くなっています。"
    );
}

#[test]
fn several_series_and_targets() {
    let combo = fixture("combo-cards-rate.json");
    assert_eq!(
        combo.page_text().description,
        "保有枚数は2021年11月の5,007万枚から2025年7月の9,852万枚へ4,845万枚増加しました。保有率は2021年11月の39%から2025年7月の79%へ40ポイント上昇しました。"
    );
    let area = fixture("area-annotations.json");
    assert!(
        area.page_text().description.ends_with("2025年7月の79.0%は人口の半数の50.0%を上回っています（158.0%）。"),
        "{}",
        area.page_text().description
    );
}

#[test]
fn authors_description_replaces_or_extends() {
    let base = r#""type":"line","title":"t","unit":"%","categories":["2021","2022"],"series":[{"name":"s","values":[1,2]}]"#;
    let replaced = chart(&format!(r#"{{{base},"description":"著者の説明。"}}"#));
    assert_eq!(replaced.page_text().description, "著者の説明。");
    let appended = chart(&format!(r#"{{{base},"description":{{"text":"著者の補足。","mode":"append"}}}}"#));
    assert_eq!(appended.page_text().description, "tは2021年の1%から2022年の2%へ1ポイント上昇しました。著者の補足。");
}

/// Every chart type has its summary pinned in both languages (seed figures).
#[test]
fn every_type_in_japanese_and_english() {
    let cases = [
        (
            r#"{"type":"area","locale":"en","title":"My Number Card holding rate","unit":"%","categories":["2021-11","2022-07","2024-08","2025-07"],"series":[{"name":"Rate","values":[39.0,45.8,75.0,79.0]}]}"#,
            "My Number Card holding rate rose by 40.0 points from 39.0% in Nov 2021 to 79.0% in Jul 2025.",
        ),
        (
            r#"{"type":"column","locale":"en","title":"Analogue rules reviewed","unit":"provisions","categories":["Visual inspection","Floppy disks and other media","Other"],"series":[{"name":"Reviewed","values":[852,991,33]}]}"#,
            "Analogue rules reviewed: 3 categories. The largest is Floppy disks and other media at 991 provisions (52.8% of the total); the smallest is Other at 33 provisions.",
        ),
        (
            r#"{"type":"bar","locale":"en","title":"Is the digitalisation of society good?","unit":"%","stacking":"percent","categories":["2023","2024"],"series":[{"name":"Good","values":[48.0,50.9]},{"name":"Neither","values":[39.1,38.0]},{"name":"Not good","values":[12.8,11.1]}]}"#,
            "In 2023, \"Good\" is the largest part at 48.0%. In 2024, \"Good\" is the largest part at 50.9%.",
        ),
        (
            r#"{"type":"pie","locale":"en","title":"Digital Agency staff","unit":"people","categories":["Civil service","Private sector","Local government","Other"],"series":[{"name":"Staff","values":[445,528,59,73]}]}"#,
            "Digital Agency staff: total 1,105 people; Civil service 445 people (40.3%), Private sector 528 people (47.8%), Local government 59 people (5.3%), Other 73 people (6.6%). Largest: Private sector, 47.8%.",
        ),
        (
            r#"{"type":"donut","title":"デジタル庁の職員構成","unit":"名","categories":["行政","民間","自治体","その他"],"series":[{"name":"職員","values":[445,528,59,73]}]}"#,
            "デジタル庁の職員構成は合計1,105名で、行政445名（40.3%）、民間528名（47.8%）、自治体59名（5.3%）、その他73名（6.6%）。最も大きいのは民間で47.8%。",
        ),
        (
            r#"{"type":"kpi","locale":"en","title":"Health insurance registrations on My Number Cards","value":84840000,"unit":"registrations","asOf":"2025-06","share":{"value":86,"label":"of card holders"}}"#,
            "Health insurance registrations on My Number Cards: 84.84M registrations as of Jun 2025. 86% of card holders.",
        ),
    ];
    for (spec, want) in cases {
        assert_eq!(chart(spec).page_text().description, want, "{spec}");
    }
}
