function e(t,n){if(n!=null&&n!==!1){if(Array.isArray(n))for(let r of n)e(t,r);else n instanceof Node?t.appendChild(n):t.appendChild(document.createTextNode(String(n)))}}function t(e,t){if(t)for(let[n,r]of Object.entries(t))r!=null&&r!==!1&&(n.startsWith(`on`)&&typeof r==`function`?e.addEventListener(n.slice(2).toLowerCase(),r):n===`class`?e.setAttribute(`class`,Array.isArray(r)?r.filter(Boolean).join(` `):String(r)):e.setAttribute(n,r===!0?``:String(r)))}function n(n,r,...i){let a=document.createElement(n);return t(a,r),e(a,i),a}function r(n,r,...i){let a=document.createElementNS(`http://www.w3.org/2000/svg`,n);return t(a,r),e(a,i),a}function i(t,...n){t.replaceChildren(),e(t,n)}function a(e,t,n=t+`s`){return`${e.toLocaleString(`en`)} ${e===1?t:n}`}var o=class extends Error{code;constructor(e,t){super(t),this.name=`ApiError`,this.code=e}};async function s(e,t,n){let r;try{r=await fetch(`/graphql`,{method:`POST`,headers:{"Content-Type":`application/json`,Accept:`application/json`},body:JSON.stringify({query:e.toString(),variables:t}),signal:n})}catch(e){throw e instanceof DOMException&&e.name===`AbortError`?e:new o(`NETWORK`,`The server could not be reached. Is summitgraph serve running?`)}let i;try{i=await r.json()}catch(e){throw e instanceof DOMException&&e.name===`AbortError`?e:new o(`HTTP_${r.status}`,`The server answered ${r.status} ${r.statusText} without a GraphQL response.`)}if(i.errors&&i.errors.length>0)throw new o(i.errors[0].extensions?.code??(r.ok?`ERROR`:`HTTP_${r.status}`),[...new Set(i.errors.map(e=>e.message??`unknown error`))].join(`; `));if(!r.ok||i.data==null)throw new o(`HTTP_${r.status}`,`The server answered ${r.status} with no data.`);return i.data}function c(e){return e instanceof DOMException&&e.name===`AbortError`}var l={NOT_FOUND:`Nothing in the graph has this id.`,INVALID:`The request was refused.`,TIMEOUT:`The server took too long; try a narrower request.`,INTERNAL:`The server failed; the details are in its log.`,NETWORK:``,GRAPHQL_VALIDATION_FAILED:`The explorer sent a query this server does not understand (is the server older than the explorer?).`,GRAPHQL_PARSE_FAILED:`The explorer sent a malformed query.`};function u(e,t){let r=e instanceof o?e.code:`CLIENT`,i=e instanceof Error?e.message:String(e),a=l[r];return n(`div`,{class:`error`,role:`alert`,"data-code":r},n(`strong`,null,t?`Could not load ${t}`:`Something went wrong`),` `,n(`code`,{class:`code`},r),n(`p`,null,i),a?n(`p`,{class:`hint`},a):null)}function d(e){let t=[],n=0;for(let r of e)t.push(n),n+=r.length;return t.push(n),e=>t[Math.max(0,Math.min(e,t.length-1))]}function f(e,t){let r=d(e),i=t.map(e=>({start:r(e.start),end:r(e.end),span:e})).filter(e=>e.end>e.start),a=(e,t)=>e.start-t.start||t.end-e.end;i.sort(a);let o={start:0,end:e.length,span:null,children:[]},s=[o];for(;i.length>0;){let e=i.shift();for(;s.length>1&&s[s.length-1].end<=e.start;)s.pop();let t=s[s.length-1],n=e.end;if(n>t.end){let r={start:t.end,end:e.end,span:e.span},o=0;for(;o<i.length&&a(i[o],r)<=0;)o++;i.splice(o,0,r),n=t.end}let r={start:e.start,end:n,span:e.span,children:[]};t.children.push(r),s.push(r)}let c=document.createDocumentFragment(),l=(t,r)=>{let i=t.start;for(let a of t.children){a.start>i&&r.appendChild(document.createTextNode(e.slice(i,a.start)));let t=n(`mark`,{class:a.span.className,"data-tip":a.span.tip,tabindex:`0`});for(let[e,n]of Object.entries(a.span.data??{}))t.dataset[e]=n;a.span.href&&(t.dataset.href=a.span.href),l(a,t),r.appendChild(t),i=a.end}i<t.end&&r.appendChild(document.createTextNode(e.slice(i,t.end)))};return l(o,c),c}function p(e){let t=null,n=n=>{t&&t!==n&&t.removeAttribute(`aria-describedby`),t=n,e.textContent=n.dataset.tip??``,e.hidden=!1,n.setAttribute(`aria-describedby`,`tip`),r(n)},r=t=>{let n=t.getBoundingClientRect(),r=e.offsetWidth,i=e.offsetHeight,a=n.left+n.width/2-r/2;a=Math.max(4,Math.min(a,window.innerWidth-r-4));let o=n.top-i-6;o<4&&(o=n.bottom+6),e.style.left=`${Math.round(a)}px`,e.style.top=`${Math.round(o)}px`},i=()=>{t&&t.removeAttribute(`aria-describedby`),t=null,e.hidden=!0},a=e=>e.target instanceof Element?e.target.closest(`[data-tip]`):null;document.addEventListener(`mouseover`,e=>{let r=a(e);r?n(r):t&&document.activeElement!==t&&i()}),document.addEventListener(`focusin`,e=>{let t=a(e);t?n(t):i()}),document.addEventListener(`focusout`,()=>i()),document.addEventListener(`keydown`,e=>{if(e.key===`Escape`&&i(),e.key===`Enter`){let t=a(e);t?.dataset.href&&(location.hash=t.dataset.href)}}),document.addEventListener(`click`,e=>{let t=a(e);t?.dataset.href&&!e.target.closest(`a`)&&(location.hash=t.dataset.href)}),window.addEventListener(`scroll`,()=>{t&&(t.isConnected?r(t):i())},{passive:!0}),window.addEventListener(`hashchange`,i)}var m=[`SUMMIT`,`DOCUMENT`,`MANDATE`,`CONVENTION`,`INSTITUTION`,`THEME`],h={SUMMIT:`#D55E00`,DOCUMENT:`#E69F00`,MANDATE:`#56B4E9`,CONVENTION:`#CC79A7`,INSTITUTION:`#0072B2`,THEME:`#009E73`},g={SUMMIT:`star`,DOCUMENT:`rectangle`,MANDATE:`ellipse`,CONVENTION:`hexagon`,INSTITUTION:`triangle`,THEME:`diamond`},_={SUMMIT:`summit`,DOCUMENT:`document`,MANDATE:`mandate`,CONVENTION:`convention`,INSTITUTION:`institution`,THEME:`theme`};function v(e){return m.includes(e)}function y(e,t){let n=t.split(`/`).map(encodeURIComponent).join(`/`);switch(e){case`SUMMIT`:return`#/summit/${n}`;case`DOCUMENT`:return`#/document/${n}`;case`MANDATE`:return`#/mandate/${n}`;case`CONVENTION`:case`INSTITUTION`:case`THEME`:return`#/entity/${n}`;default:return`#/node/${n}`}}function b(e){let t=v(e)?e:null;return n(`span`,{class:[`badge`,t?`kind-${t}`:``]},t?_[t]:e.toLowerCase())}function x(e,t=14){let n=t/2,i=t/2-1,a=h[e],o=e=>r(`polygon`,{points:e.map(([e,t])=>`${(n+e*i).toFixed(2)},${(n+t*i).toFixed(2)}`).join(` `),fill:a}),s;switch(g[e]){case`star`:{let e=[];for(let t=0;t<10;t++){let n=-Math.PI/2+t*Math.PI/5,r=t%2==0?1:.45;e.push([Math.cos(n)*r,Math.sin(n)*r])}s=o(e);break}case`rectangle`:s=r(`rect`,{x:1,y:2,width:t-2,height:t-4,fill:a});break;case`hexagon`:s=o([[-1,0],[-.5,-.87],[.5,-.87],[1,0],[.5,.87],[-.5,.87]]);break;case`triangle`:s=o([[0,-1],[1,.8],[-1,.8]]);break;case`diamond`:s=o([[0,-1],[1,0],[0,1],[-1,0]]);break;default:s=r(`circle`,{cx:n,cy:n,r:i,fill:a})}return r(`svg`,{width:t,height:t,viewBox:`0 0 ${t} ${t}`,"aria-hidden":`true`,focusable:`false`},s)}function S(e=m){return n(`ul`,{class:`legend`,"aria-label":`Colour legend: node kinds`},e.map(e=>n(`li`,null,x(e),` `,_[e])))}var C=0;function w(e,t=``){let r=`sec-${++C}`,i=n(`h2`,{id:r},e),a=n(`div`,{class:`section-body`});return{el:n(`section`,{class:[`panel`,t],"aria-labelledby":r},i,a),body:a,heading:i}}function T(e=`Loading…`){return n(`p`,{class:`loading`,role:`status`},e)}async function E(e,t,n,r){i(e,T()),e.setAttribute(`aria-busy`,`true`);try{let t=await r();if(n.aborted)return;i(e,t)}catch(r){if(c(r)||n.aborted)return;i(e,u(r,t))}finally{e.removeAttribute(`aria-busy`)}}function D(e){let t=n(`p`,{class:`count`,role:`status`}),r=n(e.listTag??`ol`,{class:e.listClass??`plain-list`}),i=n(`button`,{type:`button`,class:`more`,hidden:!0}),o=n(`div`),s=n(`div`,{class:`paginated`},t,r,o,i),l=null,d=0,f=0,p=async()=>{i.disabled=!0,i.textContent=`Loading…`,d===0&&(t.textContent=`Loading…`),s.setAttribute(`aria-busy`,`true`);try{let n=await e.fetch(e.pageSize,l);if(e.signal.aborted)return;o.replaceChildren(),f=n.totalCount;let s=n.edges.map(e=>e.node);e.render(s,r),d+=s.length,l=n.pageInfo.endCursor??(n.edges.length?n.edges[n.edges.length-1].cursor:l);let[c,u]=e.noun;t.textContent=f===0?`No ${u}.`:d>=f?`${a(f,c,u)}.`:`${d.toLocaleString(`en`)} of ${a(f,c,u)} shown.`;let p=f-d;i.hidden=!(n.pageInfo.hasNextPage&&p>0&&l),i.disabled=!1,i.textContent=`Show ${Math.min(p,e.pageSize)} more ${p===1?c:u}`}catch(n){if(c(n)||e.signal.aborted)return;o.replaceChildren(u(n,e.what)),d===0&&(t.textContent=``),i.disabled=!1,i.textContent=`Try again`,i.hidden=!1}finally{s.removeAttribute(`aria-busy`)}};return i.addEventListener(`click`,()=>void p()),p(),s}function O(e,t){return n(`a`,{href:y(e.kind,e.id)},t??e.label)}function k(e){return n(`dl`,{class:`facts`},e.filter(([,e])=>e!=null&&e!==``&&e!==!1).map(([e,t])=>[n(`dt`,null,e),n(`dd`,null,t)]))}function A(e){return e.toFixed(2)}function j(e){return e.number?`Mandate ${e.number}`:`Unnumbered mandate`}var M=class extends String{__apiType;value;__meta__;constructor(e,t){super(e),this.value=e,this.__meta__=t}toString(){return this.value}};new M(`
    fragment Page on MandateConnection {
  totalCount
  pageInfo {
    hasNextPage
    endCursor
  }
  edges {
    cursor
    node {
      id
      kind
      label
      number
      parent {
        id
      }
    }
  }
}
    `,{fragmentName:`Page`});var N={"\n  query Neighborhood($id: ID!) {\n    neighborhood(id: $id, depth: 1) {\n      truncated\n      nodes { id kind label }\n      edges { from to type weight }\n    }\n  }":new M(`
    query Neighborhood($id: ID!) {
  neighborhood(id: $id, depth: 1) {
    truncated
    nodes {
      id
      kind
      label
    }
    edges {
      from
      to
      type
      weight
    }
  }
}
    `),"\n  query Entity($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      kind\n      label\n      ... on Entity {\n        name\n        nameEs\n        acronym\n        acronyms\n        aliases\n        origin\n        year\n        group\n        relations { type direction entity { id kind label } }\n        summits { id label year startDate special status }\n      }\n    }\n  }":new M(`
    query Entity($id: ID!) {
  node(id: $id) {
    __typename
    id
    kind
    label
    ... on Entity {
      name
      nameEs
      acronym
      acronyms
      aliases
      origin
      year
      group
      relations {
        type
        direction
        entity {
          id
          kind
          label
        }
      }
      summits {
        id
        label
        year
        startDate
        special
        status
      }
    }
  }
}
    `),"\n  query Related($id: ID!, $first: Int!) {\n    node(id: $id) {\n      __typename\n      ... on Entity { related(first: $first) { count weight entity { id kind label } } }\n    }\n  }":new M(`
    query Related($id: ID!, $first: Int!) {
  node(id: $id) {
    __typename
    ... on Entity {
      related(first: $first) {
        count
        weight
        entity {
          id
          kind
          label
        }
      }
    }
  }
}
    `),"\n  query Mentions($id: ID!, $first: Int!, $after: String) {\n    node(id: $id) {\n      __typename\n      ... on Entity {\n        mentions(first: $first, after: $after) {\n          totalCount\n          pageInfo { hasNextPage endCursor }\n          edges {\n            cursor\n            node {\n              surface start end method confidence\n              mandate { id kind label number text year summit { id label } document { id title } }\n            }\n          }\n        }\n      }\n    }\n  }":new M(`
    query Mentions($id: ID!, $first: Int!, $after: String) {
  node(id: $id) {
    __typename
    ... on Entity {
      mentions(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          cursor
          node {
            surface
            start
            end
            method
            confidence
            mandate {
              id
              kind
              label
              number
              text
              year
              summit {
                id
                label
              }
              document {
                id
                title
              }
            }
          }
        }
      }
    }
  }
}
    `),"\n  query TraceCounts($id: ID!) {\n    summits { id label year startDate special status }\n    trace(entity: $id) { steps { count summit { id label year startDate special status } } }\n  }":new M(`
    query TraceCounts($id: ID!) {
  summits {
    id
    label
    year
    startDate
    special
    status
  }
  trace(entity: $id) {
    steps {
      count
      summit {
        id
        label
        year
        startDate
        special
        status
      }
    }
  }
}
    `),"\n  query Home {\n    stats { summits documents mandates conventions institutions themes mentions nodes edges files }\n    summits { id kind label name year special status }\n  }":new M(`
    query Home {
  stats {
    summits
    documents
    mandates
    conventions
    institutions
    themes
    mentions
    nodes
    edges
    files
  }
  summits {
    id
    kind
    label
    name
    year
    special
    status
  }
}
    `),"\n  query Entities($kind: NodeKind!, $first: Int!, $after: String) {\n    entities(filter: {kind: $kind}, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { cursor node { id kind label name acronym } }\n    }\n  }":new M(`
    query Entities($kind: NodeKind!, $first: Int!, $after: String) {
  entities(filter: {kind: $kind}, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      cursor
      node {
        id
        kind
        label
        name
        acronym
      }
    }
  }
}
    `),"\n  query Mandate($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      kind\n      label\n      ... on Mandate {\n        number\n        text\n        citation\n        flags\n        year\n        summit { id kind label name }\n        document { id kind label title }\n        parent { id kind label number }\n        items { id kind label number }\n        source { file line heading }\n        sources { file line heading }\n        mentions { surface start end method confidence entity { id kind label name } }\n        references { surface start end target { id kind label } }\n      }\n    }\n  }":new M(`
    query Mandate($id: ID!) {
  node(id: $id) {
    __typename
    id
    kind
    label
    ... on Mandate {
      number
      text
      citation
      flags
      year
      summit {
        id
        kind
        label
        name
      }
      document {
        id
        kind
        label
        title
      }
      parent {
        id
        kind
        label
        number
      }
      items {
        id
        kind
        label
        number
      }
      source {
        file
        line
        heading
      }
      sources {
        file
        line
        heading
      }
      mentions {
        surface
        start
        end
        method
        confidence
        entity {
          id
          kind
          label
          name
        }
      }
      references {
        surface
        start
        end
        target {
          id
          kind
          label
        }
      }
    }
  }
}
    `),"\n  query Similar($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Mandate { similar(first: 10) { score mandate { id kind label number summit { id label } } } }\n    }\n  }":new M(`
    query Similar($id: ID!) {
  node(id: $id) {
    __typename
    ... on Mandate {
      similar(first: 10) {
        score
        mandate {
          id
          kind
          label
          number
          summit {
            id
            label
          }
        }
      }
    }
  }
}
    `),"query Node($id: ID!) { node(id: $id) { id kind } }":new M(`
    query Node($id: ID!) {
  node(id: $id) {
    id
    kind
  }
}
    `),"\n  query Search($text: String!, $first: Int!) {\n    search(text: $text, first: $first) {\n      score\n      snippet\n      node {\n        id\n        kind\n        label\n        __typename\n        ... on Entity { name acronym }\n        ... on Mandate { number summit { label } }\n      }\n    }\n  }":new M(`
    query Search($text: String!, $first: Int!) {
  search(text: $text, first: $first) {
    score
    snippet
    node {
      id
      kind
      label
      __typename
      ... on Entity {
        name
        acronym
      }
      ... on Mandate {
        number
        summit {
          label
        }
      }
    }
  }
}
    `),"\n  query Summit($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      kind\n      label\n      ... on Summit { name nameEs ordinal special city country year startDate status note documents { id kind label title } }\n    }\n  }":new M(`
    query Summit($id: ID!) {
  node(id: $id) {
    __typename
    id
    kind
    label
    ... on Summit {
      name
      nameEs
      ordinal
      special
      city
      country
      year
      startDate
      status
      note
      documents {
        id
        kind
        label
        title
      }
    }
  }
}
    `),"\n  query SummitMandates($id: ID!, $first: Int!, $after: String) {\n    node(id: $id) {\n      ... on Summit { mandates(first: $first, after: $after) { ...Page } }\n      ... on Document { mandates(first: $first, after: $after) { ...Page } }\n    }\n  }\n  fragment Page on MandateConnection {\n    totalCount\n    pageInfo { hasNextPage endCursor }\n    edges { cursor node { id kind label number parent { id } } }\n  }":new M(`
    query SummitMandates($id: ID!, $first: Int!, $after: String) {
  node(id: $id) {
    ... on Summit {
      mandates(first: $first, after: $after) {
        ...Page
      }
    }
    ... on Document {
      mandates(first: $first, after: $after) {
        ...Page
      }
    }
  }
}
    fragment Page on MandateConnection {
  totalCount
  pageInfo {
    hasNextPage
    endCursor
  }
  edges {
    cursor
    node {
      id
      kind
      label
      number
      parent {
        id
      }
    }
  }
}`),"\n  query Document($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      kind\n      label\n      ... on Document { title year summit { id kind label name } }\n    }\n  }":new M(`
    query Document($id: ID!) {
  node(id: $id) {
    __typename
    id
    kind
    label
    ... on Document {
      title
      year
      summit {
        id
        kind
        label
        name
      }
    }
  }
}
    `)};function P(e){return N[e]??{}}var ee=(function(){let e=typeof document<`u`&&document.createElement(`link`).relList;return e&&e.supports&&e.supports(`modulepreload`)?`modulepreload`:`preload`})(),te=function(e){return`/`+e},ne={},re=function(e){return e.pathname.endsWith(`.css`)},ie=function(e,t,n){if(t in e)return e[t];let r=n();if(!r){e[t]=void 0;return}let i=r.then(()=>{e[t]=void 0},n=>{throw e[t]=void 0,n});return e[t]=i,i},ae=function(e,t,n){let r=Promise.resolve();if(t&&t.length>0){let e,i=document.querySelector(`meta[property=csp-nonce]`),a=i?.nonce||i?.getAttribute(`nonce`);function o(e){return Promise.all(e.map(e=>Promise.resolve(e).then(e=>({status:`fulfilled`,value:e}),e=>({status:`rejected`,reason:e}))))}function s(e){return import.meta.resolve?new URL(import.meta.resolve(e)):new URL(e,import.meta.url)}r=o(t.map(t=>{t=te(t,n);let r=s(t),i=re(r);return ie(ne,r.href,()=>{if(e===void 0){e={all:new Set,styles:new Set};let t=document.getElementsByTagName(`link`);for(let n=t.length-1;n>=0;n--){let r=t[n];e.all.add(r.href),r.rel===`stylesheet`&&e.styles.add(r.href)}}if((i?e.styles:e.all).has(r.href))return;let t=document.createElement(`link`);if(t.rel=i?`stylesheet`:ee,i||(t.as=`script`),t.crossOrigin=``,t.href=r.href,a&&t.setAttribute(`nonce`,a),document.head.appendChild(t),i)return new Promise((e,n)=>{let i=a=>{t.removeEventListener(`load`,i),t.removeEventListener(`error`,i),a.type===`error`?n(Error(`Unable to preload CSS for ${r}`)):e(a)};t.addEventListener(`load`,i),t.addEventListener(`error`,i)})})}).filter(e=>e!==void 0))}function i(e){let t=new Event(`vite:preloadError`,{cancelable:!0});if(t.payload=e,window.dispatchEvent(t),!t.defaultPrevented)throw e}return r.then(t=>{for(let e of t||[])e.status===`rejected`&&i(e.reason);return e().catch(i)})},F=1500,I=150,L=3e3,oe=250,se=800,ce=1500,le=P(`
  query Neighborhood($id: ID!) {
    neighborhood(id: $id, depth: 1) {
      truncated
      nodes { id kind label }
      edges { from to type weight }
    }
  }`),R=null;function ue(){return R??=ae(()=>import(`./cytoscape.esm-V0yozgrq.js`).then(e=>e.default),[]),R}var z=()=>new Promise(e=>requestAnimationFrame(()=>e()));function B(e,t=28){let n=Array.from(e);return n.length<=t?e:n.slice(0,t-1).join(``).trimEnd()+`…`}function V(){let e=[{selector:`node`,style:{label:`data(short)`,"font-size":9,"font-family":`system-ui, -apple-system, "Segoe UI", Roboto, sans-serif`,color:`#1f2328`,"text-valign":`bottom`,"text-margin-y":3,"text-wrap":`none`,"min-zoomed-font-size":7,width:20,height:20,"border-width":1,"border-color":`#ffffff`}},{selector:`node[kind = "MANDATE"]`,style:{width:13,height:13}},{selector:`node.expanded`,style:{"border-width":2,"border-color":`#1f2328`}},{selector:`node.root`,style:{width:34,height:34,"border-width":3,"border-color":`#1f2328`,"font-size":11,"font-weight":`bold`}},{selector:`node:selected`,style:{"border-width":4,"border-color":`#000000`,"overlay-opacity":.12}},{selector:`edge`,style:{width:1,"line-color":`#9aa4b2`,"curve-style":`straight`,"target-arrow-shape":`triangle`,"target-arrow-color":`#9aa4b2`,"arrow-scale":.6}},{selector:`edge[type = "SIMILAR"]`,style:{"line-style":`dashed`}},{selector:`edge[type = "REFERENCES"]`,style:{"line-style":`dotted`,width:1.5}},{selector:`edge:selected`,style:{width:3,"line-color":`#1f2328`,"target-arrow-color":`#1f2328`}}];for(let t of m)e.push({selector:`node[kind = "${t}"]`,style:{"background-color":h[t],shape:g[t]}});return e}function de(e,t,n,r=110,i=34){let a=[],o=r,s=0;for(;a.length<e;){let r=Math.max(6,Math.floor(2*Math.PI*o/i)),c=Math.min(r,e-a.length);for(let e=0;e<c;e++){let r=s+2*Math.PI*e/c;a.push({x:t+o*Math.cos(r),y:n+o*Math.sin(r)})}o+=i*1.2,s+=.3}return a}function H(e,t){let r=n(`p`,{class:`graph-status`,role:`status`,"aria-live":`polite`},`Loading the graph…`),o=n(`p`,{class:`warning graph-capped`,role:`status`,hidden:!0}),l=n(`div`,{class:`graph-errors`}),d=n(`div`,{class:`graph-canvas`,role:`img`,"aria-label":`Graph of the neighbourhood of ${e.label}. The list below gives the same nodes.`}),f=n(`div`,{class:`graph-selection`,"aria-live":`polite`}),p=n(`ul`,{class:`graph-list`}),h=n(`details`,{class:`graph-details`},n(`summary`,null,`The nodes of the graph as a list (keyboard: expand from here)`),p),g=n(`button`,{type:`button`,disabled:!0},`Fit to view`),x=n(`button`,{type:`button`,disabled:!0},`Start again`),C=n(`section`,{class:`graph`,"aria-labelledby":`graph-h`},n(`h2`,{id:`graph-h`},`Graph`),n(`p`,{class:`help`},`The neighbourhood of `,n(`strong`,null,e.label),`. Click a node to fetch its neighbours and add them; double-click to open its page. Scroll to zoom, drag to move.`),S(),n(`div`,{class:`graph-toolbar`},g,x,r),o,l,n(`div`,{class:`graph-body`},d,f),h),w=null,T=new Set,E=new Set,D=[],O=!1,k=Promise.resolve(),A=()=>{if(!w)return;let e=w.nodes().length,t=w.edges().length;d.dataset.nodes=String(e),d.dataset.edges=String(t),r.textContent=`${a(e,`node`)}, ${a(t,`edge`)}; ${a(T.size,`node`)} expanded.`},j=()=>{if(!w||!h.open)return;let e=w.nodes().map(e=>({id:e.id(),kind:e.data(`kind`),label:e.data(`label`)})).sort((e,t)=>m.indexOf(e.kind)-m.indexOf(t.kind)||e.label.localeCompare(t.label));i(p,e.map(e=>n(`li`,null,b(e.kind),` `,n(`a`,{href:y(e.kind,e.id)},e.label),` `,T.has(e.id)?n(`span`,{class:`muted`},`(expanded)`):n(`button`,{type:`button`,class:`small`,onclick:()=>P(e.id)},`Expand`))))};h.addEventListener(`toggle`,j);let M=e=>{let t=w?.getElementById(e);if(!t||t.empty())return;let r=t.data(`kind`);i(f,n(`h3`,null,`Selected`),n(`p`,null,b(r)),n(`p`,{class:`selected-label`},t.data(`label`)),n(`p`,null,n(`a`,{href:y(r,e)},`Open this ${v(r)?_[r]:`node`}`)),n(`p`,{class:`muted`},`${a(t.degree(!1),`edge`)} drawn${T.has(e)?`; expanded`:``}.`))},N=async(s,c)=>{if(!w)return;let l=w,u=l.getElementById(s),d=l.nodes().length===0,f=c.nodes.filter(e=>l.getElementById(e.id).empty()),p=F-l.nodes().length,h=f.slice(0,Math.max(0,p));if(c.truncated&&D.push(`The neighbourhood of “${B(u.nonempty()?u.data(`label`):e.label,60)}” is larger than the API returns at once: it stopped at ${a(c.nodes.length,`node`)} (truncated). Expand other nodes to see more.`),h.length<f.length&&D.push(`The view holds at most ${F.toLocaleString(`en`)} nodes: ${a(f.length-h.length,`node`)} of this neighbourhood ${f.length-h.length===1?`was`:`were`} not drawn. Use “Start again” to begin from ${e.label}.`),D.length>0){let e=[...new Set(D)].slice(-3).reverse();o.hidden=!1,i(o,e.map((e,t)=>[t?n(`br`):null,e])),o.dataset.count=String(D.length)}h.sort((e,t)=>m.indexOf(e.kind)-m.indexOf(t.kind));let g=u.nonempty()?u.position():{x:0,y:0},_=l.nodes().length+h.length<=oe&&l.edges().length+c.edges.length<=se,v=de(h.filter(e=>e.id!==s).length,g.x,g.y),y=0,b=h.map(t=>({group:`nodes`,data:{id:t.id,kind:t.kind,label:t.label,short:B(t.label)},position:t.id===s?{...g}:v[y++],classes:t.id===e.id?`root`:``}));for(let e=0;e<b.length;e+=I){if(t.aborted)return;l.add(b.slice(e,e+I)),b.length>I&&(r.textContent=`Drawing ${Math.min(e+I,b.length)} of ${b.length} nodes…`,await z())}let x=[];for(let e of c.edges){let t=`${e.from}|${e.type}|${e.to}`;l.getElementById(t).nonempty()||l.getElementById(e.from).empty()||l.getElementById(e.to).empty()||x.push({group:`edges`,data:{id:t,source:e.from,target:e.to,type:e.type,weight:e.weight}})}!O&&l.edges().length+x.length>ce&&(O=!0,l.style().selector(`edge`).style({"curve-style":`haystack`,"haystack-radius":0,"target-arrow-shape":`none`}).update());for(let e=0;e<x.length;e+=L){if(t.aborted)return;l.add(x.slice(e,e+L)),e+L<x.length&&await z()}l.getElementById(s).addClass(`expanded`),_&&h.length>0?await new Promise(e=>{let t=l.layout({name:`cose`,animate:!1,randomize:d,fit:d,padding:30,numIter:600,nodeRepulsion:()=>6e3,idealEdgeLength:()=>60});t.one(`layoutstop`,()=>e()),t.run()}):d&&l.fit(void 0,30),d&&l.zoom()>1.4&&(l.zoom(1.4),l.center()),!d&&h.length>0&&l.animate({center:{eles:l.getElementById(s)}},{duration:250})},P=n=>{if(T.has(n)||E.has(n))return k;E.add(n);let i=w?.getElementById(n).data(`label`)??e.label;return r.textContent=`Fetching the neighbourhood of ${B(i,60)}…`,C.setAttribute(`aria-busy`,`true`),k=k.then(async()=>{try{let e=await s(le,{id:n},t);T.add(n),await N(n,e.neighborhood)}catch(e){if(c(e))return;l.replaceChildren(u(e,`the neighbourhood of ${i}`))}finally{E.delete(n),t.aborted||(C.removeAttribute(`aria-busy`),A(),j(),w?.getElementById(n).selected()&&M(n))}}),k};return t.addEventListener(`abort`,()=>{w?.destroy(),w=null}),(async()=>{let n;try{n=await ue()}catch(e){r.textContent=``,l.replaceChildren(u(e,`the graph library`));return}if(t.aborted)return;w=n({container:d,style:V(),minZoom:.05,maxZoom:4,boxSelectionEnabled:!1,selectionType:`single`}),Object.defineProperty(d,"cy",{value:w,configurable:!0});let a=w;a.on(`tap`,`node`,e=>{let t=e.target.id();M(t),P(t)}),a.on(`dbltap`,`node`,e=>{let t=e.target;location.hash=y(t.data(`kind`),t.id())}),a.on(`tap`,`edge`,e=>{let t=e.target,n=t.data(`weight`);r.textContent=`${t.data(`type`)}: ${B(t.source().data(`label`),50)} → ${B(t.target().data(`label`),50)}${n==null?``:` (weight ${n.toFixed(2)})`}`}),a.on(`mouseover`,`node`,e=>{d.title=`${e.target.data(`label`)} (${String(e.target.data(`kind`)).toLowerCase()})`}),a.on(`mouseout`,`node`,()=>d.removeAttribute(`title`)),g.disabled=!1,x.disabled=!1,g.addEventListener(`click`,()=>{a.fit(void 0,30),a.zoom()>1.4&&(a.zoom(1.4),a.center())}),x.addEventListener(`click`,()=>{a.elements().remove(),T.clear(),O&&(O=!1,a.style(V())),D.length=0,o.hidden=!0,l.replaceChildren(),i(f),P(e.id)}),await P(e.id),t.aborted||(a.getElementById(e.id).select(),M(e.id))})(),C}var fe=760,pe=28,U=34,me=0;function W(e){if(e.startDate){let t=Date.parse(e.startDate+`T00:00:00Z`);if(!Number.isNaN(t)){let n=Date.UTC(e.year,0,1),r=Date.UTC(e.year+1,0,1);return e.year+(t-n)/(r-n)}}return e.year+.5}function he(e,t,i,o){let s=[...e,...t.map(e=>e.summit)].map(W),c=Math.floor(Math.min(1994,...s)),l=Math.ceil(Math.max(c+10,...s)+.5),u=e=>pe+(e-c)/(l-c)*704,d=[],f=t.map(e=>{let t=u(W(e.summit)),n=a(e.count,`mandate`),r=Math.max(e.summit.label.length,n.length)*7+8,i=Math.max(2,Math.min(t-r/2,758-r)),o=0;for(;d[o]??=[],!d[o].every(([e,t])=>i+r<e||i>t);o++);return d[o].push([i,i+r]),{st:e,cx:t,lvl:o,left:i,w:r,count:n}}),p=e=>Math.min(22,5+3*Math.sqrt(e)),m=8+Math.max(1,d.length)*U+22+10,h=m+34,g=e=>m-22-12-e*U,_=[];for(let e=Math.ceil(c/5)*5;e<=l;e+=5)_.push(r(`line`,{x1:u(e),x2:u(e),y1:m,y2:m+5,class:`tick`}),r(`text`,{x:u(e),y:m+19,"text-anchor":`middle`,class:`tick-label`},String(e)));let v=new Set(t.map(e=>e.summit.id)),b=e.filter(e=>!v.has(e.id)).map(e=>r(`circle`,{cx:u(W(e)),cy:m,r:3.5,class:[`summit-dot`,e.special?`special`:``,e.status?`status`:``]},r(`title`,null,`${e.label}${e.special?` (special summit)`:``}${e.status?` (${e.status})`:``}: no mandate`))),x=f.map(({st:e,cx:t,lvl:n,left:a,w:o,count:s})=>{let c=p(e.count),l=g(n),u=a+o/2;return r(`a`,{href:y(`SUMMIT`,e.summit.id),class:`timeline-step`,"data-summit":e.summit.id,"data-count":String(e.count)},r(`line`,{x1:t,x2:u,y1:m-c,y2:l+6,class:`leader`}),r(`circle`,{cx:t,cy:m,r:c,fill:i,class:`step-dot`}),r(`text`,{x:u,y:l-14,"text-anchor":`middle`,class:`step-label`},e.summit.label),r(`text`,{x:u,y:l+1,"text-anchor":`middle`,class:`step-count`},s))}),S=`tl-title-${++me}`,C=r(`svg`,{class:`timeline`,viewBox:`0 0 ${fe} ${h}`,role:`group`,"aria-labelledby":S},r(`title`,{id:S},o),r(`line`,{x1:20,x2:740,y1:m,y2:m,class:`axis`}),_,b,x),w=t.reduce((e,t)=>e+t.count,0);return n(`figure`,{class:`timeline-figure`},C,n(`figcaption`,null,t.length===0?`No summit mandate mentions it.`:`${a(w,`mandate`)} at ${a(t.length,`summit`)}, ${t[0].summit.year}–${t[t.length-1].summit.year}. Grey dots are summits without a mention; disc area follows the number of mandates.`),n(`ol`,{class:`timeline-list`},t.map(e=>n(`li`,null,n(`a`,{href:y(`SUMMIT`,e.summit.id)},e.summit.label),`: `,a(e.count,`mandate`)))))}var ge=P(`
  query Entity($id: ID!) {
    node(id: $id) {
      __typename
      id
      kind
      label
      ... on Entity {
        name
        nameEs
        acronym
        acronyms
        aliases
        origin
        year
        group
        relations { type direction entity { id kind label } }
        summits { id label year startDate special status }
      }
    }
  }`),_e=P(`
  query Related($id: ID!, $first: Int!) {
    node(id: $id) {
      __typename
      ... on Entity { related(first: $first) { count weight entity { id kind label } } }
    }
  }`),ve=P(`
  query Mentions($id: ID!, $first: Int!, $after: String) {
    node(id: $id) {
      __typename
      ... on Entity {
        mentions(first: $first, after: $after) {
          totalCount
          pageInfo { hasNextPage endCursor }
          edges {
            cursor
            node {
              surface start end method confidence
              mandate { id kind label number text year summit { id label } document { id title } }
            }
          }
        }
      }
    }
  }`),ye=P(`
  query TraceCounts($id: ID!) {
    summits { id label year startDate special status }
    trace(entity: $id) { steps { count summit { id label year startDate special status } } }
  }`),be={MONITORS:[`monitors`,`is monitored by`],PART_OF:[`is part of`,`includes`]};function xe(e,t){let n=be[e];if(n)return t===`OUT`?n[0]:n[1];let r=e.toLowerCase().replace(/_/g,` `);return t===`OUT`?r:`${r} (inverse)`}async function Se(e){let{main:t,signal:r,id:c}=e,l=(await s(ge,{id:c},r)).node;if(!l)throw new o(`NOT_FOUND`,`no node with id "${c}"`);if(l.__typename!==`Entity`){location.replace(y(l.kind,l.id));return}let u=l.name;document.title=`${u} — summitgraph`;let d=v(l.kind)?_[l.kind]:l.kind,p=l.aliases.filter(e=>e!==u),m=n(`header`,{class:`page-head`},n(`p`,{class:`eyebrow`},b(l.kind),l.origin===`discovered`?n(`span`,{class:`flag`},`discovered in a text`):null),n(`h1`,{tabindex:`-1`},u),l.nameEs?n(`p`,{class:`subtitle`,lang:`es`},l.nameEs):null,k([[`Acronyms`,l.acronyms.length?l.acronyms.join(`, `):null],[l.kind===`INSTITUTION`?`Founded`:`Adopted`,l.year?String(l.year):null],[`Group`,l.group],[`Origin`,l.origin===`discovered`?`discovered in a text by its shape (lower confidence)`:l.origin],[`Id`,n(`code`,null,l.id)]]),p.length?n(`div`,{class:`aliases`},n(`h2`,{class:`small-heading`},`Also written`),n(`ul`,{class:`chips`},p.map(e=>n(`li`,null,e)))):null,l.relations.length?n(`div`,{class:`relations`},n(`h2`,{class:`small-heading`},`Catalog relations`),n(`ul`,{class:`plain-list`},l.relations.map(e=>n(`li`,null,`This ${d} ${xe(e.type,e.direction)} `,O(e.entity),` `,b(e.entity.kind))))):null),g=w(`Across summits`,`trace`),x=H({id:l.id,kind:l.kind,label:u},r),S=w(`Related entities`,`related`),C=w(`Mentions`,`mentions`);i(t,m,g.el,x,n(`div`,{class:`two-col`},C.el,S.el)),E(g.body,`the timeline`,r,async()=>{let e=await s(ye,{id:l.id},r),t=v(l.kind)?h[l.kind]:`#555`;return he(e.summits,e.trace.steps,t,`${u} across the Summits of the Americas`)});let T=10,M=()=>E(S.body,`the related entities`,r,async()=>{let e=await s(_e,{id:l.id,first:T},r),t=e.node?.__typename===`Entity`?e.node.related:[];return t.length===0?n(`p`,null,`No entity is mentioned in the same mandates.`):[n(`p`,{class:`help`},`Mentioned in the same mandates, strongest association first.`),n(`ol`,{class:`related-list`},t.map(e=>n(`li`,null,b(e.entity.kind),` `,O(e.entity),n(`span`,{class:`muted`},` ${a(e.count,`mandate`)} together · weight ${e.weight.toFixed(2)}`)))),t.length>=T&&T<100?n(`button`,{type:`button`,class:`more`,onclick:()=>{T=Math.min(100,T+20),M()}},`Show more related entities`):null]});M();let N=null,P=e=>{let t=e.spans[0].mandate;i(e.text,f(t.text,e.spans.map((e,t)=>({start:e.start,end:e.end,className:`hl hl-mention kind-${l.kind}`,tip:`“${e.surface}” · found by ${e.method}, confidence ${A(e.confidence)}`,data:{mention:String(t),method:e.method,confidence:A(e.confidence)}})))),i(e.meta,e.spans.map((e,t)=>[t?`; `:``,n(`q`,null,e.surface),` (${e.method}, ${A(e.confidence)})`]))};C.body.append(D({signal:r,what:`the mentions`,noun:[`mention`,`mentions`],pageSize:20,listClass:`mention-list`,fetch:async(e,t)=>{let n=await s(ve,{id:l.id,first:e,after:t},r);if(n.node?.__typename!==`Entity`)throw new o(`NOT_FOUND`,`no entity with id "${l.id}"`);return n.node.mentions},render:(e,t)=>{for(let r of e){if(N&&N.id===r.mandate.id){N.spans.push(r),P(N);continue}let e=r.mandate,i=n(`blockquote`,{class:`mandate-text`,cite:y(e.kind,e.id)}),a=n(`span`,{class:`matched`});N={id:e.id,spans:[r],text:i,meta:a},P(N),t.append(n(`li`,{class:`mention`,"data-mandate":e.id},n(`h3`,null,n(`a`,{href:y(e.kind,e.id)},j(e)),` · `,e.summit?n(`a`,{href:y(`SUMMIT`,e.summit.id)},e.summit.label):n(`span`,{class:`flag`},`no summit`)),e.document?n(`p`,{class:`muted`},n(`a`,{href:y(`DOCUMENT`,e.document.id)},e.document.title)):null,i,n(`p`,{class:`muted matched-wrap`},`Matched: `,a)))}}}))}var Ce=P(`
  query Mandate($id: ID!) {
    node(id: $id) {
      __typename
      id
      kind
      label
      ... on Mandate {
        number
        text
        citation
        flags
        year
        summit { id kind label name }
        document { id kind label title }
        parent { id kind label number }
        items { id kind label number }
        source { file line heading }
        sources { file line heading }
        mentions { surface start end method confidence entity { id kind label name } }
        references { surface start end target { id kind label } }
      }
    }
  }`),we=P(`
  query Similar($id: ID!) {
    node(id: $id) {
      __typename
      ... on Mandate { similar(first: 10) { score mandate { id kind label number summit { id label } } } }
    }
  }`),G={uncited:`no citation: the source prints none`,unresolved:`the citation names no single known summit`,truncated:`the text stops mid-sentence`};function K(e){return v(e)?_[e]:e.toLowerCase()}async function Te(e){let{main:t,signal:r,id:c}=e,l=(await s(Ce,{id:c},r)).node;if(!l)throw new o(`NOT_FOUND`,`no node with id "${c}"`);if(l.__typename!==`Mandate`){location.replace(y(l.kind,l.id));return}let u=l.text,d=l.mentions,p=l.references,m=`${j(l)}${l.summit?` · ${l.summit.label}`:``}`;document.title=`${m} — summitgraph`;let h=[...d.map((e,t)=>({start:e.start,end:e.end,className:`hl hl-mention kind-${e.entity.kind}`,tip:`${e.entity.label} (${K(e.entity.kind)}) · found by ${e.method}, confidence ${A(e.confidence)}`,data:{mention:String(t),entity:e.entity.id,method:e.method,confidence:A(e.confidence)},href:y(e.entity.kind,e.entity.id)})),...p.map((e,t)=>({start:e.start,end:e.end,className:`hl hl-ref`,tip:`Reference to ${e.target.label} (${K(e.target.kind)})`,data:{reference:String(t),target:e.target.id},href:y(e.target.kind,e.target.id)}))],g=n(`nav`,{class:`crumbs`,"aria-label":`Where this mandate comes from`},n(`ol`,null,l.summit?n(`li`,null,O(l.summit)):n(`li`,null,n(`span`,{class:`flag`},`no summit`)),l.document?n(`li`,null,O(l.document,l.document.title)):null,l.parent?n(`li`,null,O(l.parent,j(l.parent))):null,n(`li`,{"aria-current":`page`},j(l)))),_=l.sources.length?l.sources:[l.source],v=n(`header`,{class:`page-head`},g,n(`p`,{class:`eyebrow`},b(`MANDATE`),l.flags.map(e=>n(`span`,{class:`flag`,title:G[e]??e},e))),n(`h1`,{tabindex:`-1`},m)),x=w(`Text`,`mandate-body`);x.body.append(n(`blockquote`,{class:`mandate-text full`,"data-mandate":l.id},f(u,h)),d.length||p.length?n(`p`,{class:`help`},`Highlighted: `,d.length?n(`mark`,{class:`hl hl-mention sample`},a(d.length,`mention`)):null,d.length&&p.length?` and `:null,p.length?n(`mark`,{class:`hl hl-ref sample`},a(p.length,`reference`)):null,`. Hover or focus one for how it was found; click it to open what it names.`):n(`p`,{class:`help`},`No mention or reference was found in this text.`),k([[`Citation`,l.citation??n(`span`,{class:`flag`},`none printed`)],[`Summit`,l.summit?[O(l.summit),` (${l.summit.name})`]:n(`span`,{class:`flag`},`unknown (never guessed)`)],[`Document`,l.document?O(l.document,l.document.title):null],[`Year`,l.year?String(l.year):null],[`Heading`,l.source.heading],[_.length>1?`Sources`:`Source`,_.map((e,t)=>[t?`, `:``,n(`code`,null,`${e.file}:${e.line}`)])],[`Flags`,l.flags.length?l.flags.map(e=>`${e} (${G[e]??e})`).join(`; `):null],[`Id`,n(`code`,null,l.id)]]));let S=[v,x.el];if(l.items.length){let e=w(`Items (${l.items.length})`,`items`);e.body.append(n(`ol`,{class:`plain-list`},l.items.map(e=>n(`li`,null,O(e))))),S.push(e.el)}let C=w(`Mentions (${d.length})`,`mention-table`);C.body.append(d.length===0?n(`p`,null,`None.`):n(`div`,{class:`table-wrap`},n(`table`,null,n(`caption`,{class:`visually-hidden`},`Mentions in text order, with the evidence of each`),n(`thead`,null,n(`tr`,null,[`Words in the text`,`Entity`,`Method`,`Confidence`,`Code points`].map(e=>n(`th`,{scope:`col`},e)))),n(`tbody`,null,d.map(e=>n(`tr`,null,n(`td`,null,n(`q`,null,e.surface)),n(`td`,null,b(e.entity.kind),` `,O(e.entity)),n(`td`,null,e.method),n(`td`,{class:`num`},A(e.confidence)),n(`td`,{class:`num`},`${e.start}–${e.end}`)))))));let T=w(`References (${p.length})`,`references`);T.body.append(p.length===0?n(`p`,null,`This mandate refers to no other summit or summit document.`):n(`ul`,{class:`plain-list`},p.map(e=>n(`li`,null,n(`q`,null,e.surface),` → `,b(e.target.kind),` `,O(e.target)))));let D=w(`Similar mandates`,`similar`);S.push(n(`div`,{class:`two-col`},C.el,n(`div`,null,T.el,D.el))),S.push(H({id:l.id,kind:l.kind,label:m},r)),i(t,...S),E(D.body,`the similar mandates`,r,async()=>{let e=await s(we,{id:l.id},r),t=e.node?.__typename===`Mandate`?e.node.similar:[];return t.length===0?n(`p`,null,`No mandate of another summit says much the same.`):n(`ol`,{class:`plain-list`},t.map(e=>n(`li`,null,O(e.mandate),n(`span`,{class:`muted`},` · ${e.mandate.summit?.label??`no summit`} · score ${e.score.toFixed(2)}`))))})}var Ee=P(`
  query Home {
    stats { summits documents mandates conventions institutions themes mentions nodes edges files }
    summits { id kind label name year special status }
  }`),De=P(`
  query Entities($kind: NodeKind!, $first: Int!, $after: String) {
    entities(filter: {kind: $kind}, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id kind label name acronym } }
    }
  }`);function Oe(e){let{main:t,signal:r}=e;document.title=`summitgraph explorer`;let a=w(`The graph`,`stats`),o=w(`Summits`,`summits`),c=w(`Browse`,`browse`);i(t,n(`header`,{class:`page-head`},n(`h1`,{tabindex:`-1`},`The mandates of the Summits of the Americas`),n(`p`,{class:`lead`},`Search for a convention, an institution or a theme and follow it across summits: every mandate that names it, with the words that matched and how sure the match is. Try `,n(`a`,{href:`#/search?q=corruption`},`corruption`),`, `,n(`a`,{href:`#/search?q=MESICIC`},`MESICIC`),` or `,n(`a`,{href:`#/entity/convention/inter-american-convention-against-corruption`},`the Inter-American Convention against Corruption`),`.`)),n(`div`,{class:`two-col`},a.el,o.el),c.el);let l=s(Ee,{},r);E(a.body,`the statistics`,r,async()=>{let e=(await l).stats,t=(e,t)=>[n(`dt`,null,e),n(`dd`,{class:`num`},t.toLocaleString(`en`))];return n(`dl`,{class:`stats`},t(`Summits`,e.summits),t(`Summit documents`,e.documents),t(`Mandates and items`,e.mandates),t(`Conventions`,e.conventions),t(`Institutions`,e.institutions),t(`Themes`,e.themes),t(`Mentions`,e.mentions),t(`Nodes`,e.nodes),t(`Edges`,e.edges),t(`Source files`,e.files))}),E(o.body,`the summits`,r,async()=>n(`ol`,{class:`plain-list`},(await l).summits.map(e=>n(`li`,null,O(e),n(`span`,{class:`muted`},` · ${e.name}${e.special?` (special)`:``}`),e.status?n(`span`,{class:`flag`},e.status):null))));let u=[`CONVENTION`,`INSTITUTION`,`THEME`],d=n(`select`,{id:`browse-kind`},u.map(e=>n(`option`,{value:e},`${_[e]}s`))),f=n(`div`),p=null,m=()=>{p?.abort(),p=new AbortController;let e=AbortSignal.any([r,p.signal]),t=d.value;i(f,D({signal:e,what:`the ${_[t]}s`,noun:[_[t],`${_[t]}s`],pageSize:50,listTag:`ul`,listClass:`entity-list`,fetch:async(n,r)=>(await s(De,{kind:t,first:n,after:r},e)).entities,render:(e,t)=>t.append(...e.map(e=>n(`li`,null,b(e.kind),` `,O(e,e.name),e.acronym&&e.acronym!==e.name?n(`span`,{class:`muted`},` (${e.acronym})`):null)))}))};d.addEventListener(`change`,m),c.body.append(n(`p`,null,n(`label`,{for:`browse-kind`},`Show `),d),S(u),f),m()}var ke=P(`query Node($id: ID!) { node(id: $id) { id kind } }`);async function Ae(e){let t=await s(ke,{id:e.id},e.signal);if(!t.node)throw new o(`NOT_FOUND`,`no node with id "${e.id}"`);location.replace(y(t.node.kind,t.node.id))}function q(e,t){document.title=`Not found — summitgraph`,i(e.main,n(`h1`,{tabindex:`-1`},`No such page`),n(`div`,{class:`error`,role:`alert`,"data-code":`NO_ROUTE`},n(`p`,null,`The explorer has no page at “${t}”.`)),n(`p`,null,n(`a`,{href:`#/`},`Go to the start page`)))}var je=P(`
  query Summit($id: ID!) {
    node(id: $id) {
      __typename
      id
      kind
      label
      ... on Summit { name nameEs ordinal special city country year startDate status note documents { id kind label title } }
    }
  }`),Me=P(`
  query SummitMandates($id: ID!, $first: Int!, $after: String) {
    node(id: $id) {
      ... on Summit { mandates(first: $first, after: $after) { ...Page } }
      ... on Document { mandates(first: $first, after: $after) { ...Page } }
    }
  }
  fragment Page on MandateConnection {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id kind label number parent { id } } }
  }`);function J(e,t){return D({signal:e.signal,what:`the mandates`,noun:[`mandate`,`mandates`],pageSize:50,listTag:`ul`,listClass:`mandate-list`,fetch:async(n,r)=>{let i=await s(Me,{id:t,first:n,after:r},e.signal);if(!i.node||!(`mandates`in i.node))throw new o(`NOT_FOUND`,`no summit or document with id "${t}"`);return i.node.mandates},render:(e,t)=>t.append(...e.map(e=>n(`li`,{class:e.parent?`item`:``},O(e))))})}async function Ne(e){let{main:t,signal:r,id:a}=e,c=(await s(je,{id:a},r)).node;if(!c)throw new o(`NOT_FOUND`,`no node with id "${a}"`);if(c.__typename!==`Summit`){location.replace(y(c.kind,c.id));return}document.title=`${c.label} — summitgraph`;let l=w(`Documents`,`documents`);l.body.append(c.documents.length?n(`ul`,{class:`plain-list`},c.documents.map(e=>n(`li`,null,O(e,e.title)))):n(`p`,null,`No document of this summit has been ingested.`));let u=w(`Mandates`,`mandates`);u.body.append(J(e,c.id)),i(t,n(`header`,{class:`page-head`},n(`p`,{class:`eyebrow`},b(`SUMMIT`),c.status?n(`span`,{class:`flag`},c.status):null),n(`h1`,{tabindex:`-1`},c.name),c.nameEs?n(`p`,{class:`subtitle`,lang:`es`},c.nameEs):null,k([[`Where`,c.city&&c.country?`${c.city}, ${c.country}`:null],[`When`,c.startDate??String(c.year)],[`Kind`,c.special?`special summit`:c.ordinal?`ordinary summit no. ${c.ordinal}`:null],[`Note`,c.note],[`Id`,n(`code`,null,c.id)]])),n(`div`,{class:`two-col`},u.el,l.el),H({id:c.id,kind:c.kind,label:c.label},r))}var Pe=P(`
  query Document($id: ID!) {
    node(id: $id) {
      __typename
      id
      kind
      label
      ... on Document { title year summit { id kind label name } }
    }
  }`);async function Fe(e){let{main:t,signal:r,id:a}=e,c=(await s(Pe,{id:a},r)).node;if(!c)throw new o(`NOT_FOUND`,`no node with id "${a}"`);if(c.__typename!==`Document`){location.replace(y(c.kind,c.id));return}document.title=`${c.title} — summitgraph`;let l=w(`Mandates`,`mandates`);l.body.append(J(e,c.id)),i(t,n(`header`,{class:`page-head`},n(`p`,{class:`eyebrow`},b(`DOCUMENT`)),n(`h1`,{tabindex:`-1`},c.title),k([[`Summit`,[O(c.summit),` (${c.summit.name})`]],[`Year`,c.year?String(c.year):null],[`Id`,n(`code`,null,c.id)]])),l.el,H({id:c.id,kind:c.kind,label:c.title},r))}var Ie=P(`
  query Search($text: String!, $first: Int!) {
    search(text: $text, first: $first) {
      score
      snippet
      node {
        id
        kind
        label
        __typename
        ... on Entity { name acronym }
        ... on Mandate { number summit { label } }
      }
    }
  }`),Y=20,X=500;function Le(e){return e.normalize(`NFD`).replace(/\p{M}/gu,``).toLowerCase()}function Re(e,t){let r=Le(t).split(/[^\p{L}\p{N}]+/u).filter(e=>e.length>=2).map(e=>e.length>5?e.slice(0,e.length-2):e);if(r.length===0)return[e];let i=[],a=/[\p{L}\p{N}]+/gu,o=0;for(let t of e.matchAll(a)){let a=Le(t[0]);r.some(e=>a.startsWith(e))&&(t.index>o&&i.push(e.slice(o,t.index)),i.push(n(`mark`,{class:`term`},t[0])),o=t.index+t[0].length)}return o<e.length&&i.push(e.slice(o)),i}function ze(e){let t=(e.params.get(`q`)??``).trim();document.title=t?`“${t}”: search — summitgraph`:`Search — summitgraph`;let r=document.getElementById(`q`);r&&r.value!==t&&(r.value=t);let o=n(`h1`,{tabindex:`-1`},t?[`Search: `,n(`q`,null,t)]:`Search`),l=n(`div`,{class:`search-results`});if(i(e.main,o,l),!t){i(l,n(`p`,null,`Type words in the search box above: names, acronyms or words of mandates, in English or Spanish.`));return}let d=Y,f=()=>E(l,`the search results`,e.signal,async()=>{let r=(await s(Ie,{text:t,first:d},e.signal)).search;if(r.length===0)return n(`p`,{role:`status`,class:`count`},`No results for “${t}”.`);let i=r.length>=d&&d<X?n(`button`,{type:`button`,class:`more`,onclick:()=>{d=Math.min(X,d+Y),f().then(()=>{(l.querySelectorAll(`.results a.hit`)[d-Y]??null)?.focus()})}},`Show more results`):null;return[n(`p`,{role:`status`,class:`count`},r.length>=d?`The best ${a(r.length,`result`)}.`:a(r.length,`result`)+`.`),n(`ol`,{class:`results`},r.map(e=>{let r=e.node,i=[];return r.__typename===`Mandate`&&i.push(r.summit?.label??`no summit`),r.__typename===`Entity`&&(r.acronym&&!r.label.includes(r.acronym)&&i.push(r.acronym),r.name!==r.label&&i.push(r.name)),n(`li`,{class:`result`},n(`div`,{class:`result-head`},b(r.kind),` `,n(`a`,{class:`hit`,href:y(r.kind,r.id),"data-id":r.id},r.label)),i.length?n(`p`,{class:`muted result-sub`},i.join(` · `)):null,e.snippet&&e.snippet!==r.label?n(`p`,{class:`snippet`},Re(e.snippet,t)):null)})),i]}).catch(e=>{c(e)||i(l,u(e))});f()}function Be(){document.addEventListener(`keydown`,e=>{if(e.key!==`ArrowDown`&&e.key!==`ArrowUp`)return;let t=e.target,n=[...document.querySelectorAll(`.results a.hit`)];if(n.length===0)return;if(t?.id===`q`&&e.key===`ArrowDown`){e.preventDefault(),n[0].focus();return}let r=n.indexOf(t);r<0||(e.preventDefault(),e.key===`ArrowDown`?n[Math.min(r+1,n.length-1)].focus():r===0?document.getElementById(`q`)?.focus():n[r-1].focus())})}var Z=document.getElementById(`main`),Ve=document.getElementById(`tip`),He=document.getElementById(`search-form`),Ue=document.getElementById(`q`);function We(e){let t=e.replace(/^#/,``)||`/`,n=t.indexOf(`?`),r=n<0?t:t.slice(0,n),i=new URLSearchParams(n<0?``:t.slice(n+1)),a=r.split(`/`).filter(Boolean).map(e=>{try{return decodeURIComponent(e)}catch{return e}});return{page:a[0]??``,id:a.slice(1).join(`/`),params:i,path:r}}var Ge=null,Ke=!0;async function Q(){Ge?.abort();let e=new AbortController;Ge=e;let t=We(location.hash),r={main:Z,signal:e.signal,params:t.params,id:t.id};Z.setAttribute(`aria-busy`,`true`),i(Z,n(`p`,{class:`loading`,role:`status`},`Loading…`));try{if([`entity`,`mandate`,`summit`,`document`,`node`].includes(t.page)&&!t.id)q(r,t.path);else switch(t.page){case``:Oe(r);break;case`search`:ze(r);break;case`entity`:await Se(r);break;case`mandate`:await Te(r);break;case`summit`:await Ne(r);break;case`document`:await Fe(r);break;case`node`:await Ae(r);break;default:q(r,t.path)}}catch(t){if(c(t)||e.signal.aborted)return;document.title=`Error — summitgraph`,i(Z,n(`h1`,{tabindex:`-1`},`Could not show this page`),u(t),n(`p`,null,n(`a`,{href:`#/`},`Go to the start page`)))}finally{e.signal.aborted||Z.removeAttribute(`aria-busy`)}e.signal.aborted||(!Ke&&document.activeElement!==Ue&&Z.querySelector(`h1`)?.focus({preventScroll:!0}),Ke=!1)}He.addEventListener(`submit`,e=>{e.preventDefault();let t=Ue.value.trim(),n=`#/search?q=${encodeURIComponent(t)}`;location.hash===n?Q():location.hash=n}),window.addEventListener(`hashchange`,()=>{window.scrollTo(0,0),Q()});function $(e){c(e)||(console.error(e),Z.prepend(u(e,`part of this page`)))}window.addEventListener(`error`,e=>$(e.error??e.message)),window.addEventListener(`unhandledrejection`,e=>$(e.reason)),document.querySelector(`[data-skip]`)?.addEventListener(`click`,e=>{e.preventDefault(),Z.focus()}),p(Ve),Be(),Q();