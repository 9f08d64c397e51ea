import{t as e}from"./preload-helper-DygEbaNj.js";function t(e,n){if(n!=null&&n!==!1){if(Array.isArray(n))for(let r of n)t(e,r);else n instanceof Node?e.appendChild(n):e.appendChild(document.createTextNode(String(n)))}}function n(e,t){if(t)for(let[n,r]of Object.entries(t))r!=null&&r!==!1&&(n.startsWith(`on`)&&typeof r==`function`?e.addEventListener(n.slice(2).toLowerCase(),r):n===`class`?e.setAttribute(`class`,Array.isArray(r)?r.filter(Boolean).join(` `):String(r)):e.setAttribute(n,r===!0?``:String(r)))}function r(e,r,...i){let a=document.createElement(e);return n(a,r),t(a,i),a}var i=`http://www.w3.org/2000/svg`;function a(e,r,...a){let o=document.createElementNS(i,e);return n(o,r),t(o,a),o}function o(e,...n){e.replaceChildren(),t(e,n)}function s(e,t,n=t+`s`){return`${e.toLocaleString(`en`)} ${e===1?t:n}`}var c=`/graphql`,l=class extends Error{code;constructor(e,t){super(t),this.name=`ApiError`,this.code=e}};async function u(e,t,n){let r;try{r=await fetch(c,{method:`POST`,headers:{"Content-Type":`application/json`,Accept:`application/json`},body:JSON.stringify({query:e.toString(),variables:t}),signal:n})}catch(e){throw e instanceof DOMException&&e.name===`AbortError`?e:new l(`NETWORK`,`The server could not be reached. Is summitgraph serve running?`)}let i;try{i=await r.json()}catch(e){throw e instanceof DOMException&&e.name===`AbortError`?e:new l(`HTTP_${r.status}`,`The server answered ${r.status} ${r.statusText} without a GraphQL response.`)}if(i.errors&&i.errors.length>0)throw new l(i.errors[0].extensions?.code??(r.ok?`ERROR`:`HTTP_${r.status}`),[...new Set(i.errors.map(e=>e.message??`unknown error`))].join(`; `));if(!r.ok||i.data==null)throw new l(`HTTP_${r.status}`,`The server answered ${r.status} with no data.`);return i.data}function d(e){return e instanceof DOMException&&e.name===`AbortError`}var f={NOT_FOUND:`Nothing in the graph has this id.`,INVALID:`The request was refused.`,TIMEOUT:`The server took too long; try a narrower request.`,INTERNAL:`The server failed; the details are in its log.`,NETWORK:``,GRAPHQL_VALIDATION_FAILED:`The explorer sent a query this server does not understand (is the server older than the explorer?).`,GRAPHQL_PARSE_FAILED:`The explorer sent a malformed query.`};function p(e,t){let n=e instanceof l?e.code:`CLIENT`,i=e instanceof Error?e.message:String(e),a=f[n];return r(`div`,{class:`error`,role:`alert`,"data-code":n},r(`strong`,null,t?`Could not load ${t}`:`Something went wrong`),` `,r(`code`,{class:`code`},n),r(`p`,null,i),a?r(`p`,{class:`hint`},a):null)}function m(e){let t=[],n=0;for(let r of e)t.push(n),n+=r.length;return t.push(n),e=>t[Math.max(0,Math.min(e,t.length-1))]}function h(e,t){let n=m(e),i=t.map(e=>({start:n(e.start),end:n(e.end),span:e})).filter(e=>e.end>e.start),a=(e,t)=>e.start-t.start||t.end-e.end;i.sort(a);let o={start:0,end:e.length,span:null,children:[]},s=[o];for(;i.length>0;){let e=i.shift();for(;s.length>1&&s[s.length-1].end<=e.start;)s.pop();let t=s[s.length-1],n=e.end;if(n>t.end){let r={start:t.end,end:e.end,span:e.span},o=0;for(;o<i.length&&a(i[o],r)<=0;)o++;i.splice(o,0,r),n=t.end}let r={start:e.start,end:n,span:e.span,children:[]};t.children.push(r),s.push(r)}let c=document.createDocumentFragment(),l=(t,n)=>{let i=t.start;for(let a of t.children){a.start>i&&n.appendChild(document.createTextNode(e.slice(i,a.start)));let t=r(`mark`,{class:a.span.className,"data-tip":a.span.tip,tabindex:`0`});for(let[e,n]of Object.entries(a.span.data??{}))t.dataset[e]=n;a.span.href&&(t.dataset.href=a.span.href),l(a,t),n.appendChild(t),i=a.end}i<t.end&&n.appendChild(document.createTextNode(e.slice(i,t.end)))};return l(o,c),c}function g(e){let t=null,n=n=>{t&&t!==n&&t.removeAttribute(`aria-describedby`),t=n,e.textContent=n.dataset.tip??``,e.hidden=!1,n.setAttribute(`aria-describedby`,`tip`),r(n)},r=t=>{let n=t.getBoundingClientRect(),r=e.offsetWidth,i=e.offsetHeight,a=n.left+n.width/2-r/2;a=Math.max(4,Math.min(a,window.innerWidth-r-4));let o=n.top-i-6;o<4&&(o=n.bottom+6),e.style.left=`${Math.round(a)}px`,e.style.top=`${Math.round(o)}px`},i=()=>{t&&t.removeAttribute(`aria-describedby`),t=null,e.hidden=!0},a=e=>e.target instanceof Element?e.target.closest(`[data-tip]`):null;document.addEventListener(`mouseover`,e=>{let r=a(e);r?n(r):t&&document.activeElement!==t&&i()}),document.addEventListener(`focusin`,e=>{let t=a(e);t?n(t):i()}),document.addEventListener(`focusout`,()=>i()),document.addEventListener(`keydown`,e=>{if(e.key===`Escape`&&i(),e.key===`Enter`){let t=a(e);t?.dataset.href&&(location.hash=t.dataset.href)}}),document.addEventListener(`click`,e=>{let t=a(e);t?.dataset.href&&!e.target.closest(`a`)&&(location.hash=t.dataset.href)}),window.addEventListener(`scroll`,()=>{t&&(t.isConnected?r(t):i())},{passive:!0}),window.addEventListener(`hashchange`,i)}var _=[`SUMMIT`,`DOCUMENT`,`MANDATE`,`CONVENTION`,`INSTITUTION`,`THEME`],v={SUMMIT:`#D55E00`,DOCUMENT:`#E69F00`,MANDATE:`#56B4E9`,CONVENTION:`#CC79A7`,INSTITUTION:`#0072B2`,THEME:`#009E73`},y={SUMMIT:`star`,DOCUMENT:`rectangle`,MANDATE:`ellipse`,CONVENTION:`hexagon`,INSTITUTION:`triangle`,THEME:`diamond`},b={SUMMIT:`summit`,DOCUMENT:`document`,MANDATE:`mandate`,CONVENTION:`convention`,INSTITUTION:`institution`,THEME:`theme`};function x(e){return _.includes(e)}function S(e,t){let n=t.split(`/`).map(encodeURIComponent).join(`/`);switch(e){case`SUMMIT`:return`#/summit/${n}`;case`DOCUMENT`:return`#/document/${n}`;case`MANDATE`:return`#/mandate/${n}`;case`CONVENTION`:case`INSTITUTION`:case`THEME`:return`#/entity/${n}`;default:return`#/node/${n}`}}function C(e){let t=x(e)?e:null;return r(`span`,{class:[`badge`,t?`kind-${t}`:``]},t?b[t]:e.toLowerCase())}function w(e,t=14){let n=t/2,r=t/2-1,i=v[e],o=e=>a(`polygon`,{points:e.map(([e,t])=>`${(n+e*r).toFixed(2)},${(n+t*r).toFixed(2)}`).join(` `),fill:i}),s;switch(y[e]){case`star`:{let e=[];for(let t=0;t<10;t++){let n=-Math.PI/2+t*Math.PI/5,r=t%2==0?1:.45;e.push([Math.cos(n)*r,Math.sin(n)*r])}s=o(e);break}case`rectangle`:s=a(`rect`,{x:1,y:2,width:t-2,height:t-4,fill:i});break;case`hexagon`:s=o([[-1,0],[-.5,-.87],[.5,-.87],[1,0],[.5,.87],[-.5,.87]]);break;case`triangle`:s=o([[0,-1],[1,.8],[-1,.8]]);break;case`diamond`:s=o([[0,-1],[1,0],[0,1],[-1,0]]);break;default:s=a(`circle`,{cx:n,cy:n,r,fill:i})}return a(`svg`,{width:t,height:t,viewBox:`0 0 ${t} ${t}`,"aria-hidden":`true`,focusable:`false`},s)}function T(e=_){return r(`ul`,{class:`legend`,"aria-label":`Colour legend: node kinds`},e.map(e=>r(`li`,null,w(e),` `,b[e])))}var E=0;function D(e,t=``){let n=`sec-${++E}`,i=r(`h2`,{id:n},e),a=r(`div`,{class:`section-body`});return{el:r(`section`,{class:[`panel`,t],"aria-labelledby":n},i,a),body:a,heading:i}}function O(e=`Loading…`){return r(`p`,{class:`loading`,role:`status`},e)}async function k(e,t,n,r){o(e,O()),e.setAttribute(`aria-busy`,`true`);try{let t=await r();if(n.aborted)return;o(e,t)}catch(r){if(d(r)||n.aborted)return;o(e,p(r,t))}finally{e.removeAttribute(`aria-busy`)}}function A(e){let t=r(`p`,{class:`count`,role:`status`}),n=r(e.listTag??`ol`,{class:e.listClass??`plain-list`}),i=r(`button`,{type:`button`,class:`more`,hidden:!0}),a=r(`div`),o=r(`div`,{class:`paginated`},t,n,a,i),c=null,l=0,u=0,f=async()=>{i.disabled=!0,i.textContent=`Loading…`,l===0&&(t.textContent=`Loading…`),o.setAttribute(`aria-busy`,`true`);try{let r=await e.fetch(e.pageSize,c);if(e.signal.aborted)return;a.replaceChildren(),u=r.totalCount;let o=r.edges.map(e=>e.node);e.render(o,n),l+=o.length,c=r.pageInfo.endCursor??(r.edges.length?r.edges[r.edges.length-1].cursor:c);let[d,f]=e.noun;t.textContent=u===0?`No ${f}.`:l>=u?`${s(u,d,f)}.`:`${l.toLocaleString(`en`)} of ${s(u,d,f)} shown.`;let p=u-l;i.hidden=!(r.pageInfo.hasNextPage&&p>0&&c),i.disabled=!1,i.textContent=`Show ${Math.min(p,e.pageSize)} more ${p===1?d:f}`}catch(n){if(d(n)||e.signal.aborted)return;a.replaceChildren(p(n,e.what)),l===0&&(t.textContent=``),i.disabled=!1,i.textContent=`Try again`,i.hidden=!1}finally{o.removeAttribute(`aria-busy`)}};return i.addEventListener(`click`,()=>void f()),f(),o}function j(e,t){return r(`a`,{href:S(e.kind,e.id)},t??e.label)}function M(e){return r(`dl`,{class:`facts`},e.filter(([,e])=>e!=null&&e!==``&&e!==!1).map(([e,t])=>[r(`dt`,null,e),r(`dd`,null,t)]))}function N(e){return e.toFixed(2)}function P(e){return e.number?`Mandate ${e.number}`:`Unnumbered mandate`}var F=class extends String{__apiType;value;__meta__;constructor(e,t){super(e),this.value=e,this.__meta__=t}toString(){return this.value}};new F(`
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
    `,{fragmentName:`Page`});var ee={"\n  query Neighborhood($id: ID!) {\n    neighborhood(id: $id, depth: 1) {\n      truncated\n      nodes { id kind label }\n      edges { from to type weight }\n    }\n  }":new F(`
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
    `),"\n  query Entity($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      kind\n      label\n      ... on Entity {\n        name\n        nameEs\n        acronym\n        acronyms\n        aliases\n        origin\n        year\n        group\n        relations { type direction entity { id kind label } }\n        summits { id label year startDate special status }\n      }\n    }\n  }":new F(`
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
    `),"\n  query Related($id: ID!, $first: Int!) {\n    node(id: $id) {\n      __typename\n      ... on Entity { related(first: $first) { count weight entity { id kind label } } }\n    }\n  }":new F(`
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
    `),"\n  query Mentions($id: ID!, $first: Int!, $after: String) {\n    node(id: $id) {\n      __typename\n      ... on Entity {\n        mentions(first: $first, after: $after) {\n          totalCount\n          pageInfo { hasNextPage endCursor }\n          edges {\n            cursor\n            node {\n              surface start end method confidence\n              mandate { id kind label number text year summit { id label } document { id title } }\n            }\n          }\n        }\n      }\n    }\n  }":new F(`
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
    `),"\n  query TraceCounts($id: ID!) {\n    summits { id label year startDate special status }\n    trace(entity: $id) { steps { count summit { id label year startDate special status } } }\n  }":new F(`
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
    `),"\n  query Home {\n    stats { summits documents mandates conventions institutions themes mentions nodes edges files }\n    summits { id kind label name year special status }\n  }":new F(`
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
    `),"\n  query Entities($kind: NodeKind!, $first: Int!, $after: String) {\n    entities(filter: {kind: $kind}, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { cursor node { id kind label name acronym } }\n    }\n  }":new F(`
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
    `),"\n  query Mandate($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      kind\n      label\n      ... on Mandate {\n        number\n        text\n        citation\n        flags\n        year\n        summit { id kind label name }\n        document { id kind label title }\n        parent { id kind label number }\n        items { id kind label number }\n        source { file line heading }\n        sources { file line heading }\n        mentions { surface start end method confidence entity { id kind label name } }\n        references { surface start end target { id kind label } }\n      }\n    }\n  }":new F(`
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
    `),"\n  query Similar($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Mandate { similar(first: 10) { score mandate { id kind label number summit { id label } } } }\n    }\n  }":new F(`
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
    `),"query Node($id: ID!) { node(id: $id) { id kind } }":new F(`
    query Node($id: ID!) {
  node(id: $id) {
    id
    kind
  }
}
    `),"\n  query Search($text: String!, $first: Int!) {\n    search(text: $text, first: $first) {\n      score\n      snippet\n      node {\n        id\n        kind\n        label\n        __typename\n        ... on Entity { name acronym }\n        ... on Mandate { number summit { label } }\n      }\n    }\n  }":new F(`
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
    `),"\n  query Summit($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      kind\n      label\n      ... on Summit { name nameEs ordinal special city country year startDate status note documents { id kind label title } }\n    }\n  }":new F(`
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
    `),"\n  query SummitMandates($id: ID!, $first: Int!, $after: String) {\n    node(id: $id) {\n      ... on Summit { mandates(first: $first, after: $after) { ...Page } }\n      ... on Document { mandates(first: $first, after: $after) { ...Page } }\n    }\n  }\n  fragment Page on MandateConnection {\n    totalCount\n    pageInfo { hasNextPage endCursor }\n    edges { cursor node { id kind label number parent { id } } }\n  }":new F(`
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
}`),"\n  query Document($id: ID!) {\n    node(id: $id) {\n      __typename\n      id\n      kind\n      label\n      ... on Document { title year summit { id kind label name } }\n    }\n  }":new F(`
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
    `)};function I(e){return ee[e]??{}}var L=1500,R=150,z=3e3,te=250,ne=800,re=1500,ie=I(`
  query Neighborhood($id: ID!) {
    neighborhood(id: $id, depth: 1) {
      truncated
      nodes { id kind label }
      edges { from to type weight }
    }
  }`),B=null;function ae(){return B??=e(()=>import(`./cytoscape.esm-V0yozgrq.js`).then(e=>e.default),[]),B}var V=()=>new Promise(e=>requestAnimationFrame(()=>e()));function H(e,t=28){let n=Array.from(e);return n.length<=t?e:n.slice(0,t-1).join(``).trimEnd()+`…`}function U(){let e=[{selector:`node`,style:{label:`data(short)`,"font-size":9,"font-family":`system-ui, -apple-system, "Segoe UI", Roboto, sans-serif`,color:`#1f2328`,"text-valign":`bottom`,"text-margin-y":3,"text-wrap":`none`,"min-zoomed-font-size":7,width:20,height:20,"border-width":1,"border-color":`#ffffff`}},{selector:`node[kind = "MANDATE"]`,style:{width:13,height:13}},{selector:`node.expanded`,style:{"border-width":2,"border-color":`#1f2328`}},{selector:`node.root`,style:{width:34,height:34,"border-width":3,"border-color":`#1f2328`,"font-size":11,"font-weight":`bold`}},{selector:`node:selected`,style:{"border-width":4,"border-color":`#000000`,"overlay-opacity":.12}},{selector:`edge`,style:{width:1,"line-color":`#9aa4b2`,"curve-style":`straight`,"target-arrow-shape":`triangle`,"target-arrow-color":`#9aa4b2`,"arrow-scale":.6}},{selector:`edge[type = "SIMILAR"]`,style:{"line-style":`dashed`}},{selector:`edge[type = "REFERENCES"]`,style:{"line-style":`dotted`,width:1.5}},{selector:`edge:selected`,style:{width:3,"line-color":`#1f2328`,"target-arrow-color":`#1f2328`}}];for(let t of _)e.push({selector:`node[kind = "${t}"]`,style:{"background-color":v[t],shape:y[t]}});return e}function oe(e,t,n,r=110,i=34){let a=[],o=r,s=0;for(;a.length<e;){let r=Math.max(6,Math.floor(2*Math.PI*o/i)),c=Math.min(r,e-a.length);for(let e=0;e<c;e++){let r=s+2*Math.PI*e/c;a.push({x:t+o*Math.cos(r),y:n+o*Math.sin(r)})}o+=i*1.2,s+=.3}return a}function W(e,t){let n=r(`p`,{class:`graph-status`,role:`status`,"aria-live":`polite`},`Loading the graph…`),i=r(`p`,{class:`warning graph-capped`,role:`status`,hidden:!0}),a=r(`div`,{class:`graph-errors`}),c=r(`div`,{class:`graph-canvas`,role:`img`,"aria-label":`Graph of the neighbourhood of ${e.label}. The list below gives the same nodes.`}),l=r(`div`,{class:`graph-selection`,"aria-live":`polite`}),f=r(`ul`,{class:`graph-list`}),m=r(`details`,{class:`graph-details`},r(`summary`,null,`The nodes of the graph as a list (keyboard: expand from here)`),f),h=r(`button`,{type:`button`,disabled:!0},`Fit to view`),g=r(`button`,{type:`button`,disabled:!0},`Start again`),v=r(`section`,{class:`graph`,"aria-labelledby":`graph-h`},r(`h2`,{id:`graph-h`},`Graph`),r(`p`,{class:`help`},`The neighbourhood of `,r(`strong`,null,e.label),`. Click a node to fetch its neighbours and add them; double-click to open its page. Scroll to zoom, drag to move.`),T(),r(`div`,{class:`graph-toolbar`},h,g,n),i,a,r(`div`,{class:`graph-body`},c,l),m),y=null,w=new Set,E=new Set,D=[],O=!1,k=Promise.resolve(),A=()=>{if(!y)return;let e=y.nodes().length,t=y.edges().length;c.dataset.nodes=String(e),c.dataset.edges=String(t),n.textContent=`${s(e,`node`)}, ${s(t,`edge`)}; ${s(w.size,`node`)} expanded.`},j=()=>{if(!y||!m.open)return;let e=y.nodes().map(e=>({id:e.id(),kind:e.data(`kind`),label:e.data(`label`)})).sort((e,t)=>_.indexOf(e.kind)-_.indexOf(t.kind)||e.label.localeCompare(t.label));o(f,e.map(e=>r(`li`,null,C(e.kind),` `,r(`a`,{href:S(e.kind,e.id)},e.label),` `,w.has(e.id)?r(`span`,{class:`muted`},`(expanded)`):r(`button`,{type:`button`,class:`small`,onclick:()=>P(e.id)},`Expand`))))};m.addEventListener(`toggle`,j);let M=e=>{let t=y?.getElementById(e);if(!t||t.empty())return;let n=t.data(`kind`);o(l,r(`h3`,null,`Selected`),r(`p`,null,C(n)),r(`p`,{class:`selected-label`},t.data(`label`)),r(`p`,null,r(`a`,{href:S(n,e)},`Open this ${x(n)?b[n]:`node`}`)),r(`p`,{class:`muted`},`${s(t.degree(!1),`edge`)} drawn${w.has(e)?`; expanded`:``}.`))},N=async(a,c)=>{if(!y)return;let l=y,u=l.getElementById(a),d=l.nodes().length===0,f=c.nodes.filter(e=>l.getElementById(e.id).empty()),p=L-l.nodes().length,m=f.slice(0,Math.max(0,p));if(c.truncated&&D.push(`The neighbourhood of “${H(u.nonempty()?u.data(`label`):e.label,60)}” is larger than the API returns at once: it stopped at ${s(c.nodes.length,`node`)} (truncated). Expand other nodes to see more.`),m.length<f.length&&D.push(`The view holds at most ${L.toLocaleString(`en`)} nodes: ${s(f.length-m.length,`node`)} of this neighbourhood ${f.length-m.length===1?`was`:`were`} not drawn. Use “Start again” to begin from ${e.label}.`),D.length>0){let e=[...new Set(D)].slice(-3).reverse();i.hidden=!1,o(i,e.map((e,t)=>[t?r(`br`):null,e])),i.dataset.count=String(D.length)}m.sort((e,t)=>_.indexOf(e.kind)-_.indexOf(t.kind));let h=u.nonempty()?u.position():{x:0,y:0},g=l.nodes().length+m.length<=te&&l.edges().length+c.edges.length<=ne,v=oe(m.filter(e=>e.id!==a).length,h.x,h.y),b=0,x=m.map(t=>({group:`nodes`,data:{id:t.id,kind:t.kind,label:t.label,short:H(t.label)},position:t.id===a?{...h}:v[b++],classes:t.id===e.id?`root`:``}));for(let e=0;e<x.length;e+=R){if(t.aborted)return;l.add(x.slice(e,e+R)),x.length>R&&(n.textContent=`Drawing ${Math.min(e+R,x.length)} of ${x.length} nodes…`,await V())}let S=[];for(let e of c.edges){let t=`${e.from}|${e.type}|${e.to}`;l.getElementById(t).nonempty()||l.getElementById(e.from).empty()||l.getElementById(e.to).empty()||S.push({group:`edges`,data:{id:t,source:e.from,target:e.to,type:e.type,weight:e.weight}})}!O&&l.edges().length+S.length>re&&(O=!0,l.style().selector(`edge`).style({"curve-style":`haystack`,"haystack-radius":0,"target-arrow-shape":`none`}).update());for(let e=0;e<S.length;e+=z){if(t.aborted)return;l.add(S.slice(e,e+z)),e+z<S.length&&await V()}l.getElementById(a).addClass(`expanded`),g&&m.length>0?await new Promise(e=>{let t=l.layout({name:`cose`,animate:!1,randomize:d,fit:d,padding:30,numIter:600,nodeRepulsion:()=>6e3,idealEdgeLength:()=>60});t.one(`layoutstop`,()=>e()),t.run()}):d&&l.fit(void 0,30),d&&l.zoom()>1.4&&(l.zoom(1.4),l.center()),!d&&m.length>0&&l.animate({center:{eles:l.getElementById(a)}},{duration:250})},P=r=>{if(w.has(r)||E.has(r))return k;E.add(r);let i=y?.getElementById(r).data(`label`)??e.label;return n.textContent=`Fetching the neighbourhood of ${H(i,60)}…`,v.setAttribute(`aria-busy`,`true`),k=k.then(async()=>{try{let e=await u(ie,{id:r},t);w.add(r),await N(r,e.neighborhood)}catch(e){if(d(e))return;a.replaceChildren(p(e,`the neighbourhood of ${i}`))}finally{E.delete(r),t.aborted||(v.removeAttribute(`aria-busy`),A(),j(),y?.getElementById(r).selected()&&M(r))}}),k};return t.addEventListener(`abort`,()=>{y?.destroy(),y=null}),(async()=>{let r;try{r=await ae()}catch(e){n.textContent=``,a.replaceChildren(p(e,`the graph library`));return}if(t.aborted)return;y=r({container:c,style:U(),minZoom:.05,maxZoom:4,boxSelectionEnabled:!1,selectionType:`single`}),Object.defineProperty(c,"cy",{value:y,configurable:!0});let s=y;s.on(`tap`,`node`,e=>{let t=e.target.id();M(t),P(t)}),s.on(`dbltap`,`node`,e=>{let t=e.target;location.hash=S(t.data(`kind`),t.id())}),s.on(`tap`,`edge`,e=>{let t=e.target,r=t.data(`weight`);n.textContent=`${t.data(`type`)}: ${H(t.source().data(`label`),50)} → ${H(t.target().data(`label`),50)}${r==null?``:` (weight ${r.toFixed(2)})`}`}),s.on(`mouseover`,`node`,e=>{c.title=`${e.target.data(`label`)} (${String(e.target.data(`kind`)).toLowerCase()})`}),s.on(`mouseout`,`node`,()=>c.removeAttribute(`title`)),h.disabled=!1,g.disabled=!1,h.addEventListener(`click`,()=>{s.fit(void 0,30),s.zoom()>1.4&&(s.zoom(1.4),s.center())}),g.addEventListener(`click`,()=>{s.elements().remove(),w.clear(),O&&(O=!1,s.style(U())),D.length=0,i.hidden=!0,a.replaceChildren(),o(l),P(e.id)}),await P(e.id),t.aborted||(s.getElementById(e.id).select(),M(e.id))})(),v}var se=760,ce=28,G=34,le=0;function K(e){if(e.startDate){let t=Date.parse(e.startDate+`T00:00:00Z`);if(!Number.isNaN(t)){let n=Date.UTC(e.year,0,1),r=Date.UTC(e.year+1,0,1);return e.year+(t-n)/(r-n)}}return e.year+.5}function ue(e,t,n,i){let o=[...e,...t.map(e=>e.summit)].map(K),c=Math.floor(Math.min(1994,...o)),l=Math.ceil(Math.max(c+10,...o)+.5),u=e=>ce+(e-c)/(l-c)*704,d=[],f=t.map(e=>{let t=u(K(e.summit)),n=s(e.count,`mandate`),r=Math.max(e.summit.label.length,n.length)*7+8,i=Math.max(2,Math.min(t-r/2,758-r)),a=0;for(;d[a]??=[],!d[a].every(([e,t])=>i+r<e||i>t);a++);return d[a].push([i,i+r]),{st:e,cx:t,lvl:a,left:i,w:r,count:n}}),p=e=>Math.min(22,5+3*Math.sqrt(e)),m=8+Math.max(1,d.length)*G+22+10,h=m+34,g=e=>m-22-12-e*G,_=[];for(let e=Math.ceil(c/5)*5;e<=l;e+=5)_.push(a(`line`,{x1:u(e),x2:u(e),y1:m,y2:m+5,class:`tick`}),a(`text`,{x:u(e),y:m+19,"text-anchor":`middle`,class:`tick-label`},String(e)));let v=new Set(t.map(e=>e.summit.id)),y=e.filter(e=>!v.has(e.id)).map(e=>a(`circle`,{cx:u(K(e)),cy:m,r:3.5,class:[`summit-dot`,e.special?`special`:``,e.status?`status`:``]},a(`title`,null,`${e.label}${e.special?` (special summit)`:``}${e.status?` (${e.status})`:``}: no mandate`))),b=f.map(({st:e,cx:t,lvl:r,left:i,w:o,count:s})=>{let c=p(e.count),l=g(r),u=i+o/2;return a(`a`,{href:S(`SUMMIT`,e.summit.id),class:`timeline-step`,"data-summit":e.summit.id,"data-count":String(e.count)},a(`line`,{x1:t,x2:u,y1:m-c,y2:l+6,class:`leader`}),a(`circle`,{cx:t,cy:m,r:c,fill:n,class:`step-dot`}),a(`text`,{x:u,y:l-14,"text-anchor":`middle`,class:`step-label`},e.summit.label),a(`text`,{x:u,y:l+1,"text-anchor":`middle`,class:`step-count`},s))}),x=`tl-title-${++le}`,C=a(`svg`,{class:`timeline`,viewBox:`0 0 ${se} ${h}`,role:`group`,"aria-labelledby":x},a(`title`,{id:x},i),a(`line`,{x1:20,x2:740,y1:m,y2:m,class:`axis`}),_,y,b),w=t.reduce((e,t)=>e+t.count,0);return r(`figure`,{class:`timeline-figure`},C,r(`figcaption`,null,t.length===0?`No summit mandate mentions it.`:`${s(w,`mandate`)} at ${s(t.length,`summit`)}, ${t[0].summit.year}–${t[t.length-1].summit.year}. Grey dots are summits without a mention; disc area follows the number of mandates.`),r(`ol`,{class:`timeline-list`},t.map(e=>r(`li`,null,r(`a`,{href:S(`SUMMIT`,e.summit.id)},e.summit.label),`: `,s(e.count,`mandate`)))))}var de=I(`
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
  }`),fe=I(`
  query Related($id: ID!, $first: Int!) {
    node(id: $id) {
      __typename
      ... on Entity { related(first: $first) { count weight entity { id kind label } } }
    }
  }`),pe=I(`
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
  }`),me=I(`
  query TraceCounts($id: ID!) {
    summits { id label year startDate special status }
    trace(entity: $id) { steps { count summit { id label year startDate special status } } }
  }`),he={MONITORS:[`monitors`,`is monitored by`],PART_OF:[`is part of`,`includes`]};function ge(e,t){let n=he[e];if(n)return t===`OUT`?n[0]:n[1];let r=e.toLowerCase().replace(/_/g,` `);return t===`OUT`?r:`${r} (inverse)`}async function _e(e){let{main:t,signal:n,id:i}=e,a=(await u(de,{id:i},n)).node;if(!a)throw new l(`NOT_FOUND`,`no node with id "${i}"`);if(a.__typename!==`Entity`){location.replace(S(a.kind,a.id));return}let c=a.name;document.title=`${c} — summitgraph`;let d=x(a.kind)?b[a.kind]:a.kind,f=a.aliases.filter(e=>e!==c),p=r(`header`,{class:`page-head`},r(`p`,{class:`eyebrow`},C(a.kind),a.origin===`discovered`?r(`span`,{class:`flag`},`discovered in a text`):null),r(`h1`,{tabindex:`-1`},c),a.nameEs?r(`p`,{class:`subtitle`,lang:`es`},a.nameEs):null,M([[`Acronyms`,a.acronyms.length?a.acronyms.join(`, `):null],[a.kind===`INSTITUTION`?`Founded`:`Adopted`,a.year?String(a.year):null],[`Group`,a.group],[`Origin`,a.origin===`discovered`?`discovered in a text by its shape (lower confidence)`:a.origin],[`Id`,r(`code`,null,a.id)]]),f.length?r(`div`,{class:`aliases`},r(`h2`,{class:`small-heading`},`Also written`),r(`ul`,{class:`chips`},f.map(e=>r(`li`,null,e)))):null,a.relations.length?r(`div`,{class:`relations`},r(`h2`,{class:`small-heading`},`Catalog relations`),r(`ul`,{class:`plain-list`},a.relations.map(e=>r(`li`,null,`This ${d} ${ge(e.type,e.direction)} `,j(e.entity),` `,C(e.entity.kind))))):null),m=D(`Across summits`,`trace`),g=W({id:a.id,kind:a.kind,label:c},n),_=D(`Related entities`,`related`),y=D(`Mentions`,`mentions`);o(t,p,m.el,g,r(`div`,{class:`two-col`},y.el,_.el)),k(m.body,`the timeline`,n,async()=>{let e=await u(me,{id:a.id},n),t=x(a.kind)?v[a.kind]:`#555`;return ue(e.summits,e.trace.steps,t,`${c} across the Summits of the Americas`)});let w=10,T=()=>k(_.body,`the related entities`,n,async()=>{let e=await u(fe,{id:a.id,first:w},n),t=e.node?.__typename===`Entity`?e.node.related:[];return t.length===0?r(`p`,null,`No entity is mentioned in the same mandates.`):[r(`p`,{class:`help`},`Mentioned in the same mandates, strongest association first.`),r(`ol`,{class:`related-list`},t.map(e=>r(`li`,null,C(e.entity.kind),` `,j(e.entity),r(`span`,{class:`muted`},` ${s(e.count,`mandate`)} together · weight ${e.weight.toFixed(2)}`)))),t.length>=w&&w<100?r(`button`,{type:`button`,class:`more`,onclick:()=>{w=Math.min(100,w+20),T()}},`Show more related entities`):null]});T();let E=null,O=e=>{let t=e.spans[0].mandate;o(e.text,h(t.text,e.spans.map((e,t)=>({start:e.start,end:e.end,className:`hl hl-mention kind-${a.kind}`,tip:`“${e.surface}” · found by ${e.method}, confidence ${N(e.confidence)}`,data:{mention:String(t),method:e.method,confidence:N(e.confidence)}})))),o(e.meta,e.spans.map((e,t)=>[t?`; `:``,r(`q`,null,e.surface),` (${e.method}, ${N(e.confidence)})`]))};y.body.append(A({signal:n,what:`the mentions`,noun:[`mention`,`mentions`],pageSize:20,listClass:`mention-list`,fetch:async(e,t)=>{let r=await u(pe,{id:a.id,first:e,after:t},n);if(r.node?.__typename!==`Entity`)throw new l(`NOT_FOUND`,`no entity with id "${a.id}"`);return r.node.mentions},render:(e,t)=>{for(let n of e){if(E&&E.id===n.mandate.id){E.spans.push(n),O(E);continue}let e=n.mandate,i=r(`blockquote`,{class:`mandate-text`,cite:S(e.kind,e.id)}),a=r(`span`,{class:`matched`});E={id:e.id,spans:[n],text:i,meta:a},O(E),t.append(r(`li`,{class:`mention`,"data-mandate":e.id},r(`h3`,null,r(`a`,{href:S(e.kind,e.id)},P(e)),` · `,e.summit?r(`a`,{href:S(`SUMMIT`,e.summit.id)},e.summit.label):r(`span`,{class:`flag`},`no summit`)),e.document?r(`p`,{class:`muted`},r(`a`,{href:S(`DOCUMENT`,e.document.id)},e.document.title)):null,i,r(`p`,{class:`muted matched-wrap`},`Matched: `,a)))}}}))}var ve=I(`
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
  }`),ye=I(`
  query Similar($id: ID!) {
    node(id: $id) {
      __typename
      ... on Mandate { similar(first: 10) { score mandate { id kind label number summit { id label } } } }
    }
  }`),q={uncited:`no citation: the source prints none`,unresolved:`the citation names no single known summit`,truncated:`the text stops mid-sentence`};function J(e){return x(e)?b[e]:e.toLowerCase()}async function be(e){let{main:t,signal:n,id:i}=e,a=(await u(ve,{id:i},n)).node;if(!a)throw new l(`NOT_FOUND`,`no node with id "${i}"`);if(a.__typename!==`Mandate`){location.replace(S(a.kind,a.id));return}let c=a.text,d=a.mentions,f=a.references,p=`${P(a)}${a.summit?` · ${a.summit.label}`:``}`;document.title=`${p} — summitgraph`;let m=[...d.map((e,t)=>({start:e.start,end:e.end,className:`hl hl-mention kind-${e.entity.kind}`,tip:`${e.entity.label} (${J(e.entity.kind)}) · found by ${e.method}, confidence ${N(e.confidence)}`,data:{mention:String(t),entity:e.entity.id,method:e.method,confidence:N(e.confidence)},href:S(e.entity.kind,e.entity.id)})),...f.map((e,t)=>({start:e.start,end:e.end,className:`hl hl-ref`,tip:`Reference to ${e.target.label} (${J(e.target.kind)})`,data:{reference:String(t),target:e.target.id},href:S(e.target.kind,e.target.id)}))],g=r(`nav`,{class:`crumbs`,"aria-label":`Where this mandate comes from`},r(`ol`,null,a.summit?r(`li`,null,j(a.summit)):r(`li`,null,r(`span`,{class:`flag`},`no summit`)),a.document?r(`li`,null,j(a.document,a.document.title)):null,a.parent?r(`li`,null,j(a.parent,P(a.parent))):null,r(`li`,{"aria-current":`page`},P(a)))),_=a.sources.length?a.sources:[a.source],v=r(`header`,{class:`page-head`},g,r(`p`,{class:`eyebrow`},C(`MANDATE`),a.flags.map(e=>r(`span`,{class:`flag`,title:q[e]??e},e))),r(`h1`,{tabindex:`-1`},p)),y=D(`Text`,`mandate-body`);y.body.append(r(`blockquote`,{class:`mandate-text full`,"data-mandate":a.id},h(c,m)),d.length||f.length?r(`p`,{class:`help`},`Highlighted: `,d.length?r(`mark`,{class:`hl hl-mention sample`},s(d.length,`mention`)):null,d.length&&f.length?` and `:null,f.length?r(`mark`,{class:`hl hl-ref sample`},s(f.length,`reference`)):null,`. Hover or focus one for how it was found; click it to open what it names.`):r(`p`,{class:`help`},`No mention or reference was found in this text.`),M([[`Citation`,a.citation??r(`span`,{class:`flag`},`none printed`)],[`Summit`,a.summit?[j(a.summit),` (${a.summit.name})`]:r(`span`,{class:`flag`},`unknown (never guessed)`)],[`Document`,a.document?j(a.document,a.document.title):null],[`Year`,a.year?String(a.year):null],[`Heading`,a.source.heading],[_.length>1?`Sources`:`Source`,_.map((e,t)=>[t?`, `:``,r(`code`,null,`${e.file}:${e.line}`)])],[`Flags`,a.flags.length?a.flags.map(e=>`${e} (${q[e]??e})`).join(`; `):null],[`Id`,r(`code`,null,a.id)]]));let b=[v,y.el];if(a.items.length){let e=D(`Items (${a.items.length})`,`items`);e.body.append(r(`ol`,{class:`plain-list`},a.items.map(e=>r(`li`,null,j(e))))),b.push(e.el)}let x=D(`Mentions (${d.length})`,`mention-table`);x.body.append(d.length===0?r(`p`,null,`None.`):r(`div`,{class:`table-wrap`},r(`table`,null,r(`caption`,{class:`visually-hidden`},`Mentions in text order, with the evidence of each`),r(`thead`,null,r(`tr`,null,[`Words in the text`,`Entity`,`Method`,`Confidence`,`Code points`].map(e=>r(`th`,{scope:`col`},e)))),r(`tbody`,null,d.map(e=>r(`tr`,null,r(`td`,null,r(`q`,null,e.surface)),r(`td`,null,C(e.entity.kind),` `,j(e.entity)),r(`td`,null,e.method),r(`td`,{class:`num`},N(e.confidence)),r(`td`,{class:`num`},`${e.start}–${e.end}`)))))));let w=D(`References (${f.length})`,`references`);w.body.append(f.length===0?r(`p`,null,`This mandate refers to no other summit or summit document.`):r(`ul`,{class:`plain-list`},f.map(e=>r(`li`,null,r(`q`,null,e.surface),` → `,C(e.target.kind),` `,j(e.target)))));let T=D(`Similar mandates`,`similar`);b.push(r(`div`,{class:`two-col`},x.el,r(`div`,null,w.el,T.el))),b.push(W({id:a.id,kind:a.kind,label:p},n)),o(t,...b),k(T.body,`the similar mandates`,n,async()=>{let e=await u(ye,{id:a.id},n),t=e.node?.__typename===`Mandate`?e.node.similar:[];return t.length===0?r(`p`,null,`No mandate of another summit says much the same.`):r(`ol`,{class:`plain-list`},t.map(e=>r(`li`,null,j(e.mandate),r(`span`,{class:`muted`},` · ${e.mandate.summit?.label??`no summit`} · score ${e.score.toFixed(2)}`))))})}var xe=I(`
  query Home {
    stats { summits documents mandates conventions institutions themes mentions nodes edges files }
    summits { id kind label name year special status }
  }`),Se=I(`
  query Entities($kind: NodeKind!, $first: Int!, $after: String) {
    entities(filter: {kind: $kind}, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor node { id kind label name acronym } }
    }
  }`);function Ce(e){let{main:t,signal:n}=e;document.title=`summitgraph explorer`;let i=D(`The graph`,`stats`),a=D(`Summits`,`summits`),s=D(`Browse`,`browse`);o(t,r(`header`,{class:`page-head`},r(`h1`,{tabindex:`-1`},`The mandates of the Summits of the Americas`),r(`p`,{class:`lead`},`Search for a convention, an institution or a theme and follow it across summits: every mandate that names it, with the words that matched and how sure the match is. Try `,r(`a`,{href:`#/search?q=corruption`},`corruption`),`, `,r(`a`,{href:`#/search?q=MESICIC`},`MESICIC`),` or `,r(`a`,{href:`#/entity/convention/inter-american-convention-against-corruption`},`the Inter-American Convention against Corruption`),`.`)),r(`div`,{class:`two-col`},i.el,a.el),s.el);let c=u(xe,{},n);k(i.body,`the statistics`,n,async()=>{let e=(await c).stats,t=(e,t)=>[r(`dt`,null,e),r(`dd`,{class:`num`},t.toLocaleString(`en`))];return r(`dl`,{class:`stats`},t(`Summits`,e.summits),t(`Summit documents`,e.documents),t(`Mandates and items`,e.mandates),t(`Conventions`,e.conventions),t(`Institutions`,e.institutions),t(`Themes`,e.themes),t(`Mentions`,e.mentions),t(`Nodes`,e.nodes),t(`Edges`,e.edges),t(`Source files`,e.files))}),k(a.body,`the summits`,n,async()=>r(`ol`,{class:`plain-list`},(await c).summits.map(e=>r(`li`,null,j(e),r(`span`,{class:`muted`},` · ${e.name}${e.special?` (special)`:``}`),e.status?r(`span`,{class:`flag`},e.status):null))));let l=[`CONVENTION`,`INSTITUTION`,`THEME`],d=r(`select`,{id:`browse-kind`},l.map(e=>r(`option`,{value:e},`${b[e]}s`))),f=r(`div`),p=null,m=()=>{p?.abort(),p=new AbortController;let e=AbortSignal.any([n,p.signal]),t=d.value;o(f,A({signal:e,what:`the ${b[t]}s`,noun:[b[t],`${b[t]}s`],pageSize:50,listTag:`ul`,listClass:`entity-list`,fetch:async(n,r)=>(await u(Se,{kind:t,first:n,after:r},e)).entities,render:(e,t)=>t.append(...e.map(e=>r(`li`,null,C(e.kind),` `,j(e,e.name),e.acronym&&e.acronym!==e.name?r(`span`,{class:`muted`},` (${e.acronym})`):null)))}))};d.addEventListener(`change`,m),s.body.append(r(`p`,null,r(`label`,{for:`browse-kind`},`Show `),d),T(l),f),m()}var we=I(`query Node($id: ID!) { node(id: $id) { id kind } }`);async function Te(e){let t=await u(we,{id:e.id},e.signal);if(!t.node)throw new l(`NOT_FOUND`,`no node with id "${e.id}"`);location.replace(S(t.node.kind,t.node.id))}function Y(e,t){document.title=`Not found — summitgraph`,o(e.main,r(`h1`,{tabindex:`-1`},`No such page`),r(`div`,{class:`error`,role:`alert`,"data-code":`NO_ROUTE`},r(`p`,null,`The explorer has no page at “${t}”.`)),r(`p`,null,r(`a`,{href:`#/`},`Go to the start page`)))}var Ee=I(`
  query Summit($id: ID!) {
    node(id: $id) {
      __typename
      id
      kind
      label
      ... on Summit { name nameEs ordinal special city country year startDate status note documents { id kind label title } }
    }
  }`),De=I(`
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
  }`);function X(e,t){return A({signal:e.signal,what:`the mandates`,noun:[`mandate`,`mandates`],pageSize:50,listTag:`ul`,listClass:`mandate-list`,fetch:async(n,r)=>{let i=await u(De,{id:t,first:n,after:r},e.signal);if(!i.node||!(`mandates`in i.node))throw new l(`NOT_FOUND`,`no summit or document with id "${t}"`);return i.node.mandates},render:(e,t)=>t.append(...e.map(e=>r(`li`,{class:e.parent?`item`:``},j(e))))})}async function Oe(e){let{main:t,signal:n,id:i}=e,a=(await u(Ee,{id:i},n)).node;if(!a)throw new l(`NOT_FOUND`,`no node with id "${i}"`);if(a.__typename!==`Summit`){location.replace(S(a.kind,a.id));return}document.title=`${a.label} — summitgraph`;let s=D(`Documents`,`documents`);s.body.append(a.documents.length?r(`ul`,{class:`plain-list`},a.documents.map(e=>r(`li`,null,j(e,e.title)))):r(`p`,null,`No document of this summit has been ingested.`));let c=D(`Mandates`,`mandates`);c.body.append(X(e,a.id)),o(t,r(`header`,{class:`page-head`},r(`p`,{class:`eyebrow`},C(`SUMMIT`),a.status?r(`span`,{class:`flag`},a.status):null),r(`h1`,{tabindex:`-1`},a.name),a.nameEs?r(`p`,{class:`subtitle`,lang:`es`},a.nameEs):null,M([[`Where`,a.city&&a.country?`${a.city}, ${a.country}`:null],[`When`,a.startDate??String(a.year)],[`Kind`,a.special?`special summit`:a.ordinal?`ordinary summit no. ${a.ordinal}`:null],[`Note`,a.note],[`Id`,r(`code`,null,a.id)]])),r(`div`,{class:`two-col`},c.el,s.el),W({id:a.id,kind:a.kind,label:a.label},n))}var ke=I(`
  query Document($id: ID!) {
    node(id: $id) {
      __typename
      id
      kind
      label
      ... on Document { title year summit { id kind label name } }
    }
  }`);async function Ae(e){let{main:t,signal:n,id:i}=e,a=(await u(ke,{id:i},n)).node;if(!a)throw new l(`NOT_FOUND`,`no node with id "${i}"`);if(a.__typename!==`Document`){location.replace(S(a.kind,a.id));return}document.title=`${a.title} — summitgraph`;let s=D(`Mandates`,`mandates`);s.body.append(X(e,a.id)),o(t,r(`header`,{class:`page-head`},r(`p`,{class:`eyebrow`},C(`DOCUMENT`)),r(`h1`,{tabindex:`-1`},a.title),M([[`Summit`,[j(a.summit),` (${a.summit.name})`]],[`Year`,a.year?String(a.year):null],[`Id`,r(`code`,null,a.id)]])),s.el,W({id:a.id,kind:a.kind,label:a.title},n))}var je=I(`
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
  }`),Z=20,Me=500;function Ne(e){return e.normalize(`NFD`).replace(/\p{M}/gu,``).toLowerCase()}function Pe(e,t){let n=Ne(t).split(/[^\p{L}\p{N}]+/u).filter(e=>e.length>=2).map(e=>e.length>5?e.slice(0,e.length-2):e);if(n.length===0)return[e];let i=[],a=/[\p{L}\p{N}]+/gu,o=0;for(let t of e.matchAll(a)){let a=Ne(t[0]);n.some(e=>a.startsWith(e))&&(t.index>o&&i.push(e.slice(o,t.index)),i.push(r(`mark`,{class:`term`},t[0])),o=t.index+t[0].length)}return o<e.length&&i.push(e.slice(o)),i}function Fe(e){let t=(e.params.get(`q`)??``).trim();document.title=t?`“${t}”: search — summitgraph`:`Search — summitgraph`;let n=document.getElementById(`q`);n&&n.value!==t&&(n.value=t);let i=r(`h1`,{tabindex:`-1`},t?[`Search: `,r(`q`,null,t)]:`Search`),a=r(`div`,{class:`search-results`});if(o(e.main,i,a),!t){o(a,r(`p`,null,`Type words in the search box above: names, acronyms or words of mandates, in English or Spanish.`));return}let c=Z,l=()=>k(a,`the search results`,e.signal,async()=>{let n=(await u(je,{text:t,first:c},e.signal)).search;if(n.length===0)return r(`p`,{role:`status`,class:`count`},`No results for “${t}”.`);let i=n.length>=c&&c<Me?r(`button`,{type:`button`,class:`more`,onclick:()=>{c=Math.min(Me,c+Z),l().then(()=>{(a.querySelectorAll(`.results a.hit`)[c-Z]??null)?.focus()})}},`Show more results`):null;return[r(`p`,{role:`status`,class:`count`},n.length>=c?`The best ${s(n.length,`result`)}.`:s(n.length,`result`)+`.`),r(`ol`,{class:`results`},n.map(e=>{let n=e.node,i=[];return n.__typename===`Mandate`&&i.push(n.summit?.label??`no summit`),n.__typename===`Entity`&&(n.acronym&&!n.label.includes(n.acronym)&&i.push(n.acronym),n.name!==n.label&&i.push(n.name)),r(`li`,{class:`result`},r(`div`,{class:`result-head`},C(n.kind),` `,r(`a`,{class:`hit`,href:S(n.kind,n.id),"data-id":n.id},n.label)),i.length?r(`p`,{class:`muted result-sub`},i.join(` · `)):null,e.snippet&&e.snippet!==n.label?r(`p`,{class:`snippet`},Pe(e.snippet,t)):null)})),i]}).catch(e=>{d(e)||o(a,p(e))});l()}function Ie(){document.addEventListener(`keydown`,e=>{if(e.key!==`ArrowDown`&&e.key!==`ArrowUp`)return;let t=e.target,n=[...document.querySelectorAll(`.results a.hit`)];if(n.length===0)return;if(t?.id===`q`&&e.key===`ArrowDown`){e.preventDefault(),n[0].focus();return}let r=n.indexOf(t);r<0||(e.preventDefault(),e.key===`ArrowDown`?n[Math.min(r+1,n.length-1)].focus():r===0?document.getElementById(`q`)?.focus():n[r-1].focus())})}var Q=document.getElementById(`main`),Le=document.getElementById(`tip`),Re=document.getElementById(`search-form`),ze=document.getElementById(`q`);function Be(e){let t=e.replace(/^#/,``)||`/`,n=t.indexOf(`?`),r=n<0?t:t.slice(0,n),i=new URLSearchParams(n<0?``:t.slice(n+1)),a=r.split(`/`).filter(Boolean).map(e=>{try{return decodeURIComponent(e)}catch{return e}});return{page:a[0]??``,id:a.slice(1).join(`/`),params:i,path:r}}var Ve=null,He=!0;async function $(){Ve?.abort();let e=new AbortController;Ve=e;let t=Be(location.hash),n={main:Q,signal:e.signal,params:t.params,id:t.id};Q.setAttribute(`aria-busy`,`true`),o(Q,r(`p`,{class:`loading`,role:`status`},`Loading…`));try{if([`entity`,`mandate`,`summit`,`document`,`node`].includes(t.page)&&!t.id)Y(n,t.path);else switch(t.page){case``:Ce(n);break;case`search`:Fe(n);break;case`entity`:await _e(n);break;case`mandate`:await be(n);break;case`summit`:await Oe(n);break;case`document`:await Ae(n);break;case`node`:await Te(n);break;default:Y(n,t.path)}}catch(t){if(d(t)||e.signal.aborted)return;document.title=`Error — summitgraph`,o(Q,r(`h1`,{tabindex:`-1`},`Could not show this page`),p(t),r(`p`,null,r(`a`,{href:`#/`},`Go to the start page`)))}finally{e.signal.aborted||Q.removeAttribute(`aria-busy`)}e.signal.aborted||(!He&&document.activeElement!==ze&&Q.querySelector(`h1`)?.focus({preventScroll:!0}),He=!1)}Re.addEventListener(`submit`,e=>{e.preventDefault();let t=ze.value.trim(),n=`#/search?q=${encodeURIComponent(t)}`;location.hash===n?$():location.hash=n}),window.addEventListener(`hashchange`,()=>{window.scrollTo(0,0),$()});function Ue(e){d(e)||(console.error(e),Q.prepend(p(e,`part of this page`)))}window.addEventListener(`error`,e=>Ue(e.error??e.message)),window.addEventListener(`unhandledrejection`,e=>Ue(e.reason)),document.querySelector(`[data-skip]`)?.addEventListener(`click`,e=>{e.preventDefault(),Q.focus()}),g(Le),Ie(),$();