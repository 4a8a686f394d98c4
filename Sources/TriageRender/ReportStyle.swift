/// The stylesheet inlined in every HTML report and worklist: readable on screen, and on paper
/// (A4 or Letter: `size: auto` takes the printer's) with rows and blocks never cut across
/// pages and colours kept when printed.
enum ReportStyle {
    static let css = """
        *{box-sizing:border-box}
        body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",sans-serif;color:#1b1b1b;max-width:58rem;margin:1.2rem auto;padding:0 1rem}
        h1{font-size:1.35rem;margin:0}h2{font-size:1.02rem;margin:1rem 0 .35rem;padding-bottom:.1rem;border-bottom:1px solid #c9ced6;color:#22313f}
        h3{font-size:.95rem;margin:0 0 .2rem}p{margin:.25rem 0}ul,ol{margin:.2rem 0;padding-left:1.3rem}li{margin:.08rem 0}
        header p{margin:.1rem 0 .5rem}.muted{color:#5a6270}.small{font-size:.82rem}.nowrap{white-space:nowrap}.label{font-weight:600;margin-top:.4rem}
        .banner{border-radius:.35rem;padding:.45rem .7rem;margin:.4rem 0 .6rem;border-left:.45rem solid}
        .banner .urgency{font-weight:800;text-transform:uppercase;letter-spacing:.03em;margin-right:.6rem}.banner .when{font-weight:600}
        .banner .headline{font-size:1.05rem;font-weight:600;margin:.15rem 0 0}
        .urgent,.same-day{--tone:#b3261e;--wash:#fdecea}.soon{--tone:#c25400;--wash:#fff1e3}.routine{--tone:#1f5fae;--wash:#e9f1fb}.self-care{--tone:#2e7d32;--wash:#eaf5ea}
        .banner,.action{background:var(--wash);border-color:var(--tone)}.banner .urgency{color:var(--tone)}
        .action{border-left:.3rem solid var(--tone);padding:.3rem .6rem;margin:.35rem 0;border-radius:.25rem}.action h3{color:var(--tone)}
        .because{font-size:.9rem}.refs{color:#5a6270;font-weight:400;font-size:.72rem}
        .warning{border-left:4px solid #b3261e;padding:.3rem .6rem;background:#fdecea;margin:.4rem 0}
        .flags li::marker{color:#b3261e}.checklist{list-style:none;padding-left:.2rem}.checklist li::before{content:"\\2610";margin-right:.4rem}
        .monitor{font-size:.82rem;font-style:italic;color:#5a6270;margin:.3rem 0}.query{margin:.3rem 0;color:#b3261e}.safety li::marker{color:#b3261e}
        table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border:1px solid #d3d7de;padding:.15rem .35rem;text-align:left;vertical-align:top}
        th{background:#f1f3f6;font-weight:600}tr.abnormal td{background:#fff4e5;font-weight:600}
        .consideration{margin:.3rem 0 .45rem}.for,.against{font-weight:700;font-size:.78rem;text-transform:uppercase;margin-right:.3rem}.for{color:#1f5fae}.against{color:#8a4b00}
        .advice ul{list-style:square}.notes{font-size:.88rem}
        figure{margin:.2rem 0}figure svg{width:100%;height:auto;display:block}
        footer{margin-top:.8rem}.hash{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:.72rem;word-break:break-all}
        .disclaimer{font-style:italic;border-top:1px solid #c9ced6;padding-top:.3rem;margin-top:.4rem}
        a{color:#1f5fae}
        body.worklist{max-width:110rem}.worklist .when{font-size:.85em;line-height:1.1}.worklist td,.worklist th{font-size:.8rem;line-height:1.25}.worklist table{table-layout:fixed}.worklist tr.band th{background:#e4e8ee;text-align:left;font-size:.85rem}.worklist .totals{font-weight:600;margin:.2rem 0}.worklist .pill{display:inline-block;padding:0 .35rem;border-radius:.25rem;color:#fff;background:var(--tone);font-weight:700;font-size:.75rem;text-transform:uppercase}
        @page{size:auto;margin:8mm 9mm 9mm}
        @media print{
        body{font-size:7.8pt;line-height:1.15;margin:0;max-width:none;padding:0}
        h1{font-size:13pt}h2{font-size:10pt;margin:.45rem 0 .2rem}h3{font-size:9pt}.banner{padding:.25rem .6rem;margin:.3rem 0 .4rem}.banner .headline{font-size:10pt}
        .action{padding:.2rem .5rem;margin:.25rem 0}.consideration{margin:.2rem 0 .3rem}.consideration p{font-size:8.2pt}
        .advice ul,ul.notes,ul.safety,ul.checklist,footer ol{columns:2;column-gap:1.4rem}ul.notes{font-size:8pt}table{font-size:8.4pt}
        figure svg{max-height:52mm}
        *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
        h2,h3{break-after:avoid}tr,li,.action,.consideration,.banner,figure,.keep{break-inside:avoid}
        thead{display:table-header-group}a{color:inherit;text-decoration:none}
        .worklist-page{break-after:page}.worklist-page:last-of-type{break-after:auto}
        .worklist td,.worklist th{font-size:5.8pt;padding:0 2px;line-height:1.0}.worklist h1{font-size:10pt;display:inline;margin-right:1rem}.worklist h1+p{display:inline}.worklist table{margin-top:2mm}.worklist .disclaimer{font-size:6.6pt;margin-top:1mm;padding-top:0}.worklist .pill{font-size:6.6pt}.worklist tr.band th{font-size:6.8pt;padding:0 3px}.worklist .totals{font-size:7.4pt;margin:0}
        }
        """
}
