import { BADGES, BORDER_STYLE, PAGE } from './palette.js';

const badgeRules = Object.entries(BADGES)
  .map(([name, c]) => `.${name}{color:${c.fg};background:${c.bg};border-color:${c.border};border-style:${BORDER_STYLE[name] ?? 'solid'}}`)
  .join('\n');

/**
 * The whole stylesheet, inline (the report must open offline and from a mail attachment). Narrow screens (down to
 * 320 px) stack table cells under their column label; print drops the filters and shows every item.
 */
export const STYLESHEET = `
*,*::before,*::after{box-sizing:border-box}
[hidden]{display:none!important}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0 auto;max-width:72rem;padding:1rem;font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:${PAGE.fg};background:${PAGE.bg}}
a{color:${PAGE.link}}
a:focus-visible,input:focus-visible,select:focus-visible,button:focus-visible,[tabindex]:focus-visible{outline:3px solid ${PAGE.link};outline-offset:2px}
h1{font-size:1.75rem;line-height:1.2;margin:.5rem 0}
h2{font-size:1.4rem;margin:2rem 0 .5rem;padding-top:.5rem;border-top:2px solid ${PAGE.rule}}
h3{font-size:1.15rem;margin:1.5rem 0 .5rem}
h4{font-size:1rem;margin:1rem 0 .25rem}
p,dd,li,pre,code{overflow-wrap:anywhere}
td,th{overflow-wrap:break-word}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;font-size:.9em}
pre{white-space:pre-wrap;background:${PAGE.zebra};border:1px solid ${PAGE.rule};padding:.5rem;margin:.25rem 0}
.prose{white-space:pre-line}
.muted{color:${PAGE.muted}}
.skip{position:absolute;left:-999rem}
.skip:focus{left:1rem;top:1rem;background:${PAGE.bg};padding:.5rem;z-index:1}
nav ol{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;list-style:none;padding:0}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{border:1px solid ${PAGE.rule};padding:.35rem .5rem;text-align:left;vertical-align:top}
thead th{background:${PAGE.zebra}}
tbody th{font-weight:600;white-space:nowrap}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
table.counts{width:auto;min-width:50%}
.filters h2{border:0;margin-top:.5rem}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:.5rem 0}
dl.facts dt{font-weight:600}
dl.facts dd{margin:0}
.badge{display:inline-block;white-space:nowrap;border-width:2px;border-radius:.3rem;padding:0 .4rem;font-weight:600;font-size:.9em}
.badge .sym{display:inline-block;min-width:1ch;text-align:center}
${badgeRules}
.headline .badge{font-size:1.05em}
.finding{border:1px solid ${PAGE.rule};border-left-width:.5rem;border-radius:.3rem;padding:0 1rem .5rem;margin:1rem 0}
.finding h3{margin-top:.75rem}
.filters{border:1px solid ${PAGE.rule};border-radius:.3rem;padding:.5rem 1rem;margin:1rem 0;background:${PAGE.zebra}}
.filters fieldset{border:0;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:flex-end}
.filters label{display:flex;flex-direction:column;font-weight:600;font-size:.9rem}
.filters input,.filters select,.filters button{font:inherit;min-height:2.25rem;padding:.15rem .4rem;border:1px solid ${PAGE.muted};border-radius:.25rem;background:${PAGE.bg};color:${PAGE.fg}}
@media (max-width:40rem){
  body{padding:.75rem}
  h1{font-size:1.4rem}
  table.stack thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
  table.stack tr{display:block;border:1px solid ${PAGE.rule};margin:0 0 .75rem}
  table.stack th,table.stack td{display:block;border:0;border-bottom:1px solid ${PAGE.zebra};white-space:normal}
  table.stack td[data-label]::before{content:attr(data-label) ": ";font-weight:600}
  table.stack td.num{text-align:left}
  table.counts{min-width:0}
  dl.facts{grid-template-columns:1fr}
  dl.facts dd{margin-bottom:.5rem}
}
@media print{
  body{max-width:none;padding:0;font-size:10pt}
  table{font-size:8.5pt}
  .filters,.skip,nav{display:none!important}
  [data-filter][hidden],[data-filter-group][hidden]{display:revert!important}
  h2{border:0}
  .major~.major>h2{break-before:page}
  h2,h3,h4{break-after:avoid}
  tr,.finding,pre{break-inside:avoid}
  a{color:inherit}
  a[href^="http"]::after{content:" (" attr(href) ")";font-size:.85em}
}
`.trim();
