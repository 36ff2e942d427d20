/** The only stylesheet: readable on a phone, high contrast, status colours that do not rely on colour alone. */
export const SITE_CSS = `*{box-sizing:border-box}
body{margin:0;font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#fff}
main{max-width:42rem;margin:0 auto;padding:1rem}
footer{max-width:42rem;margin:2rem auto;padding:0 1rem;color:#555;font-size:.875rem}
h1{font-size:1.6rem;line-height:1.25;margin:.5rem 0}
h2{font-size:1.2rem;margin:1.5rem 0 .5rem;border-bottom:1px solid #ddd;padding-bottom:.25rem}
a{color:#0645ad}
a:focus,button:focus,input:focus,textarea:focus{outline:3px solid #ffbf47;outline-offset:1px}
.skip{position:absolute;left:-9999px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
.status{border:3px solid;padding:.75rem 1rem;margin:1rem 0;font-weight:600}
.status-valid{border-color:#00703c;background:#e8f5ee}
.status-expired,.status-warning{border-color:#b35c00;background:#fff4e5}
.status-revoked,.status-tampered,.status-unknown-key,.status-error{border-color:#b10e1e;background:#fdecee}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0}
dt{font-weight:600}dd{margin:0}
ul.verdicts{list-style:none;padding:0}ul.verdicts li{margin:.5rem 0;padding:.5rem .75rem;border-left:6px solid #888}
.v-p{border-color:#00703c!important}.v-f{border-color:#b10e1e!important}.v-i{border-color:#b35c00!important}
label{display:block;font-weight:600;margin-top:1rem}
input,textarea{width:100%;font:inherit;padding:.5rem;border:2px solid #1a1a1a}
textarea{min-height:10rem}
button{margin-top:1rem;font:inherit;font-weight:600;padding:.6rem 1.2rem;background:#00703c;color:#fff;border:0}
.hint{color:#555;font-size:.9rem;margin:.25rem 0}
code{word-break:break-all}
`;
