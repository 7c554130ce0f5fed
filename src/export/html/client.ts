// The HTML deck's style and script, inlined into the file (no network): one card shown at a time,
// scaled to the window; arrow keys, Page Up/Down, space, Home/End, a click (left third back, else
// on), a swipe; a counter; F for fullscreen; `#3` deep links; Ctrl+F finds text on any card
// (`hidden="until-found"` shows it); printing gives one card per page.

export function deckStyle(width: number, height: number): string {
  return `*{box-sizing:border-box}html,body{margin:0;height:100%;background:#111;color:#eee;font:16px system-ui,sans-serif}
main{position:fixed;inset:0 0 40px 0;touch-action:pan-y;user-select:text}
section.card{position:absolute;inset:0;display:flex;align-items:center;justify-content:center;margin:0}
section.card svg{width:100%;height:100%;display:block}
.tl text{fill:transparent;font-family:sans-serif;white-space:pre}
.tl text::selection{fill:transparent;background:rgba(40,120,255,.35)}
.ln rect{fill:transparent;cursor:pointer}
nav{position:fixed;left:0;right:0;bottom:0;height:40px;display:flex;align-items:center;justify-content:center;gap:16px}
nav button{background:#333;color:#eee;border:0;border-radius:6px;padding:6px 14px;font:inherit;cursor:pointer}
#counter{min-width:5em;text-align:center;font-variant-numeric:tabular-nums}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@page{size:${width}px ${height}px;margin:0}
@media print{html,body{background:none;height:auto}nav{display:none}main{position:static}
section.card{position:relative;inset:auto;width:${width}px;height:${height}px;content-visibility:visible!important;display:block!important;break-after:page;page-break-after:always}
section.card:last-of-type{break-after:auto;page-break-after:auto}}`;
}

/** Runs in the page. Kept small and dependency-free; it only shows and hides the cards. */
export const DECK_SCRIPT = `(()=>{
const cards=[...document.querySelectorAll('section.card')];const counter=document.getElementById('counter');let cur=-1;
function show(i,push){i=Math.max(0,Math.min(cards.length-1,i));if(i===cur)return;cur=i;
cards.forEach((c,j)=>{if(j===i){c.removeAttribute('hidden');c.setAttribute('aria-current','true')}else{c.setAttribute('hidden','until-found');c.removeAttribute('aria-current')}});
counter.textContent=(i+1)+' / '+cards.length;document.body.dataset.card=String(i+1);
const h='#'+(i+1);if(push!==false&&location.hash!==h)history.replaceState(null,'',h)}
const fromHash=()=>{const m=/^#(\\d+)$/.exec(location.hash);return m?Number(m[1])-1:0};
cards.forEach((c,j)=>c.addEventListener('beforematch',()=>show(j)));
addEventListener('hashchange',()=>show(fromHash(),false));
addEventListener('keydown',e=>{if(e.altKey||e.ctrlKey||e.metaKey)return;const k=e.key;
if(k==='ArrowRight'||k==='ArrowDown'||k==='PageDown'||k===' '||k==='Enter'){show(cur+1);e.preventDefault()}
else if(k==='ArrowLeft'||k==='ArrowUp'||k==='PageUp'||k==='Backspace'){show(cur-1);e.preventDefault()}
else if(k==='Home'){show(0);e.preventDefault()}else if(k==='End'){show(cards.length-1);e.preventDefault()}
else if(k==='f'||k==='F'){if(document.fullscreenElement)document.exitFullscreen();else document.documentElement.requestFullscreen?.().catch(()=>{})}});
const main=document.querySelector('main');
main.addEventListener('click',e=>{if(e.target.closest('a')||String(getSelection()||''))return;show(e.clientX<innerWidth/3?cur-1:cur+1)});
let sx=null,sy=0;main.addEventListener('pointerdown',e=>{if(e.pointerType!=='mouse'){sx=e.clientX;sy=e.clientY}});
main.addEventListener('pointerup',e=>{if(sx===null)return;const dx=e.clientX-sx,dy=e.clientY-sy;sx=null;if(Math.abs(dx)>40&&Math.abs(dx)>Math.abs(dy))show(dx<0?cur+1:cur-1)});
document.getElementById('prev').addEventListener('click',()=>show(cur-1));document.getElementById('next').addEventListener('click',()=>show(cur+1));
addEventListener('beforeprint',()=>cards.forEach(c=>c.removeAttribute('hidden')));
addEventListener('afterprint',()=>{const i=cur;cur=-1;show(i,false)});
show(fromHash(),false)})();`;
