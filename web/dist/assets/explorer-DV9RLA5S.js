const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=["assets/cytoscape-fcose-I7JwKCd7.js","assets/preload-helper-B7Q4AX97.js","assets/cytoscape-svg-CitUZ0BB.js"])))=>i.map(i=>d[i]);
import{i as e,t}from"./preload-helper-B7Q4AX97.js";function n(e,t){if(t!=null&&t!==!1){if(Array.isArray(t))for(let r of t)n(e,r);else t instanceof Node?e.appendChild(t):e.appendChild(document.createTextNode(String(t)))}}function r(e,t){if(t)for(let[n,r]of Object.entries(t))r!=null&&r!==!1&&(n.startsWith(`on`)&&typeof r==`function`?e.addEventListener(n.slice(2).toLowerCase(),r):n===`class`?e.setAttribute(`class`,Array.isArray(r)?r.filter(Boolean).join(` `):String(r)):e.setAttribute(n,r===!0?``:String(r)))}function i(e,t,...i){let a=document.createElement(e);return r(a,t),n(a,i),a}var a=`http://www.w3.org/2000/svg`;function o(e,t,...i){let o=document.createElementNS(a,e);return r(o,t),n(o,i),o}function s(e,...t){e.replaceChildren(),n(e,t)}function c(e,t,n=t+`s`){return`${e.toLocaleString(`en`)} ${e===1?t:n}`}var l=`/graphql`,u=class extends Error{code;constructor(e,t){super(t),this.name=`ApiError`,this.code=e}};async function d(e,t,n,r){let i,a={"Content-Type":`application/json`,Accept:`application/json`};r&&(a.Authorization=`Bearer ${r}`);try{i=await fetch(l,{method:`POST`,headers:a,body:JSON.stringify({query:e.toString(),variables:t}),signal:n})}catch(e){throw e instanceof DOMException&&e.name===`AbortError`?e:new u(`NETWORK`,`The server could not be reached. Is summitgraph serve running?`)}let o;try{o=await i.json()}catch(e){throw e instanceof DOMException&&e.name===`AbortError`?e:new u(`HTTP_${i.status}`,`The server answered ${i.status} ${i.statusText} without a GraphQL response.`)}if(o.errors&&o.errors.length>0)throw new u(o.errors[0].extensions?.code??(i.ok?`ERROR`:`HTTP_${i.status}`),[...new Set(o.errors.map(e=>e.message??`unknown error`))].join(`; `));if(!i.ok||o.data==null)throw new u(`HTTP_${i.status}`,`The server answered ${i.status} with no data.`);return o.data}function f(e){return e instanceof DOMException&&e.name===`AbortError`}var p={NOT_FOUND:`Nothing in the graph has this id.`,UNAUTHORIZED:`The curation token was refused (or the server is read-only).`,INVALID:`The request was refused.`,TIMEOUT:`The server took too long; try a narrower request.`,INTERNAL:`The server failed; the details are in its log.`,NETWORK:``,GRAPHQL_VALIDATION_FAILED:`The explorer sent a query this server does not understand (is the server older than the explorer?).`,GRAPHQL_PARSE_FAILED:`The explorer sent a malformed query.`};function m(e,t){let n=e instanceof u?e.code:`CLIENT`,r=e instanceof Error?e.message:String(e),a=p[n];return i(`div`,{class:`error`,role:`alert`,"data-code":n},i(`strong`,null,t?`Could not load ${t}`:`Something went wrong`),` `,i(`code`,{class:`code`},n),i(`p`,null,r),a?i(`p`,{class:`hint`},a):null)}function h(e){let t=[],n=0;for(let r of e)t.push(n),n+=r.length;return t.push(n),e=>t[Math.max(0,Math.min(e,t.length-1))]}function g(e,t){let n=h(e),r=t.map(e=>({start:n(e.start),end:n(e.end),span:e})).filter(e=>e.end>e.start),a=(e,t)=>e.start-t.start||t.end-e.end;r.sort(a);let o={start:0,end:e.length,span:null,children:[]},s=[o];for(;r.length>0;){let e=r.shift();for(;s.length>1&&s[s.length-1].end<=e.start;)s.pop();let t=s[s.length-1],n=e.end;if(n>t.end){let i={start:t.end,end:e.end,span:e.span},o=0;for(;o<r.length&&a(r[o],i)<=0;)o++;r.splice(o,0,i),n=t.end}let i={start:e.start,end:n,span:e.span,children:[]};t.children.push(i),s.push(i)}let c=document.createDocumentFragment(),l=(t,n)=>{let r=t.start;for(let a of t.children){a.start>r&&n.appendChild(document.createTextNode(e.slice(r,a.start)));let t=i(`mark`,{class:a.span.className,"data-tip":a.span.tip,tabindex:`0`});for(let[e,n]of Object.entries(a.span.data??{}))t.dataset[e]=n;a.span.href&&(t.dataset.href=a.span.href),l(a,t),n.appendChild(t),r=a.end}r<t.end&&n.appendChild(document.createTextNode(e.slice(r,t.end)))};return l(o,c),c}function _(e){let t=null,n=n=>{t&&t!==n&&t.removeAttribute(`aria-describedby`),t=n,e.textContent=n.dataset.tip??``,e.hidden=!1,n.setAttribute(`aria-describedby`,`tip`),r(n)},r=t=>{let n=t.getBoundingClientRect(),r=e.offsetWidth,i=e.offsetHeight,a=n.left+n.width/2-r/2;a=Math.max(4,Math.min(a,window.innerWidth-r-4));let o=n.top-i-6;o<4&&(o=n.bottom+6),e.style.left=`${Math.round(a)}px`,e.style.top=`${Math.round(o)}px`},i=()=>{t&&t.removeAttribute(`aria-describedby`),t=null,e.hidden=!0},a=e=>e.target instanceof Element?e.target.closest(`[data-tip]`):null;document.addEventListener(`mouseover`,e=>{let r=a(e);r?n(r):t&&document.activeElement!==t&&i()}),document.addEventListener(`focusin`,e=>{let t=a(e);t?n(t):i()}),document.addEventListener(`focusout`,()=>i()),document.addEventListener(`keydown`,e=>{if(e.key===`Escape`&&i(),e.key===`Enter`){let t=a(e);t?.dataset.href&&(location.hash=t.dataset.href)}}),document.addEventListener(`click`,e=>{let t=a(e);t?.dataset.href&&!e.target.closest(`a`)&&(location.hash=t.dataset.href)}),window.addEventListener(`scroll`,()=>{t&&(t.isConnected?r(t):i())},{passive:!0}),window.addEventListener(`hashchange`,i)}var v=class extends String{__apiType;value;__meta__;constructor(e,t){super(e),this.value=e,this.__meta__=t}toString(){return this.value}};new v(`
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
      document {
        title
      }
    }
  }
}
    `,{fragmentName:`Page`});var y=new v(`
    fragment SummitCounts on Trace {
  steps {
    count
    summit {
      id
    }
  }
}
    `,{fragmentName:`SummitCounts`}),b=new v(`
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
    `),x=new v(`
    query BrowseEntities($kind: NodeKind!, $first: Int!, $after: String) {
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
        mentions(first: 0) {
          totalCount
        }
      }
    }
  }
}
    `),S=new v(`
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
    `),C=new v(`
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
    `),w=new v(`
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
              parent {
                id
              }
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
    `),T=new v(`
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
    `),E=new v(`
    query TraceMandates($id: ID!, $first: Int!, $after: String) {
  trace(entity: $id) {
    steps {
      count
      summit {
        id
      }
      mandates(first: $first, after: $after) {
        id
        kind
        label
        number
        parent {
          id
        }
        document {
          title
        }
      }
    }
  }
}
    `),ee=new v(`
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
    `),D=new v(`
    query MandateLinks($id: ID!) {
  node(id: $id) {
    __typename
    ... on Mandate {
      id
      text
      language
      document {
        id
        title
      }
      links(first: 50) {
        type
        direction
        score
        evidence
        mandate {
          id
          kind
          label
          number
          text
          language
          parent {
            id
          }
          summit {
            id
            label
          }
          document {
            id
            title
          }
          source {
            file
            line
          }
        }
      }
    }
  }
}
    `),O=new v(`
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
        parent {
          id
        }
      }
      items {
        id
        kind
        label
        number
        parent {
          id
        }
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
    `),k=new v(`
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
          parent {
            id
          }
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
    `),te=new v(`
    query Node($id: ID!) {
  node(id: $id) {
    id
    kind
    label
  }
}
    `),ne=new v(`
    query OverlapThemes {
  entities(filter: {kind: THEME}, first: 500) {
    edges {
      node {
        id
        label
        name
      }
    }
  }
}
    `),re=new v(`
    query Overlap($summit: ID!, $theme: ID) {
  overlap(summit: $summit, theme: $theme) {
    mandates
    renewing
    theme {
      id
      name
    }
    summits {
      summit {
        id
        kind
        label
        name
        year
      }
      mandates
      renewing
      renewed
      notRenewed
    }
  }
}
    `),ie=new v(`
    query OverlapRenewals($summit: ID!, $theme: ID, $first: Int!, $after: String) {
  overlap(summit: $summit, theme: $theme) {
    renewals(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          score
          evidence
          from {
            id
            kind
            label
            number
            parent {
              id
            }
            summit {
              label
            }
            document {
              title
            }
          }
          to {
            id
            kind
            label
            number
            parent {
              id
            }
            summit {
              label
            }
            document {
              title
            }
          }
        }
      }
    }
  }
}
    `),ae=new v(`
    query OverlapNotRenewed($summit: ID!, $theme: ID, $first: Int!, $after: String) {
  overlap(summit: $summit, theme: $theme) {
    notRenewed(first: $first, after: $after) {
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
          summit {
            label
          }
          document {
            title
          }
        }
      }
    }
  }
}
    `),oe=new v(`
    query Review($reason: ReviewReason, $below: Float, $first: Int!, $after: String) {
  review(reason: $reason, below: $below, first: $first, after: $after) {
    totalCount
    counts {
      reason
      count
    }
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      cursor
      node {
        reasons
        mandate {
          id
          kind
          label
          number
          citation
          flags
          parent {
            id
          }
          summit {
            id
            label
          }
          document {
            id
            title
          }
          source {
            file
            line
            heading
          }
        }
        lowMentions {
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
      }
    }
  }
}
    `),se=new v(`
    mutation RejectMention($mandate: ID!, $entity: ID!) {
  rejectMention(mandate: $mandate, entity: $entity) {
    id
  }
}
    `),ce=new v(`
    mutation AddAlias($entity: ID!, $alias: String!) {
  addAlias(entity: $entity, alias: $alias) {
    id
    kind
    label
    aliases
  }
}
    `),le=new v(`
    query Search($text: String!, $filter: SearchFilter, $first: Int!, $after: String) {
  searchPage(text: $text, filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    kinds {
      kind
      count
    }
    summits {
      summit {
        id
        label
      }
      count
    }
    languages {
      language
      count
    }
    edges {
      cursor
      node {
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
            parent {
              id
            }
            summit {
              label
            }
            document {
              title
            }
          }
        }
      }
    }
  }
}
    `),ue=new v(`
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
    `),de=new v(`
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
      document {
        title
      }
    }
  }
}`),fe=new v(`
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
    `),pe=new v(`
    query Agenda {
  summits {
    id
    label
    year
  }
  entities(first: 500) {
    edges {
      node {
        id
        kind
        label
        name
      }
    }
  }
}
    `),me=new v(`
    query AgendaCell($summit: ID!, $entity: ID!, $first: Int!, $after: String) {
  mandates(
    filter: {summit: $summit, mentions: $entity}
    first: $first
    after: $after
  ) {
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
        document {
          title
        }
      }
    }
  }
}
    `),he=new v(`
    query AgendaEntity($id: ID!) {
  node(id: $id) {
    __typename
    id
    kind
    label
    ... on Entity {
      name
    }
  }
  trace(entity: $id) {
    ...SummitCounts
  }
}
    fragment SummitCounts on Trace {
  steps {
    count
    summit {
      id
    }
  }
}`),ge=[`SUMMIT`,`DOCUMENT`,`MANDATE`,`CONVENTION`,`INSTITUTION`,`THEME`],_e={SUMMIT:`#D55E00`,DOCUMENT:`#E69F00`,MANDATE:`#56B4E9`,CONVENTION:`#CC79A7`,INSTITUTION:`#0072B2`,THEME:`#009E73`},ve={SUMMIT:`star`,DOCUMENT:`rectangle`,MANDATE:`ellipse`,CONVENTION:`hexagon`,INSTITUTION:`triangle`,THEME:`diamond`},A={SUMMIT:`summit`,DOCUMENT:`document`,MANDATE:`mandate`,CONVENTION:`convention`,INSTITUTION:`institution`,THEME:`theme`};function j(e){return ge.includes(e)}function M(e,t){let n=t.split(`/`).map(encodeURIComponent).join(`/`);switch(e){case`SUMMIT`:return`#/summit/${n}`;case`DOCUMENT`:return`#/document/${n}`;case`MANDATE`:return`#/mandate/${n}`;case`CONVENTION`:case`INSTITUTION`:case`THEME`:return`#/entity/${n}`;default:return`#/node/${n}`}}function N(e){let t=j(e)?e:null;return i(`span`,{class:[`badge`,t?`kind-${t}`:``]},t?A[t]:e.toLowerCase())}function ye(e,t=14){let n=t/2,r=t/2-1,i=_e[e],a=e=>o(`polygon`,{points:e.map(([e,t])=>`${(n+e*r).toFixed(2)},${(n+t*r).toFixed(2)}`).join(` `),fill:i}),s;switch(ve[e]){case`star`:{let e=[];for(let t=0;t<10;t++){let n=-Math.PI/2+t*Math.PI/5,r=t%2==0?1:.45;e.push([Math.cos(n)*r,Math.sin(n)*r])}s=a(e);break}case`rectangle`:s=o(`rect`,{x:1,y:2,width:t-2,height:t-4,fill:i});break;case`hexagon`:s=a([[-1,0],[-.5,-.87],[.5,-.87],[1,0],[.5,.87],[-.5,.87]]);break;case`triangle`:s=a([[0,-1],[1,.8],[-1,.8]]);break;case`diamond`:s=a([[0,-1],[1,0],[0,1],[-1,0]]);break;default:s=o(`circle`,{cx:n,cy:n,r,fill:i})}return o(`svg`,{width:t,height:t,viewBox:`0 0 ${t} ${t}`,"aria-hidden":`true`,focusable:`false`},s)}var be={MENTIONS:{color:`#225555`,line:`solid`,text:`mentions`},FROM:{color:`#8a6d00`,line:`solid`,text:`from (mandate → document)`},ISSUED_AT:{color:`#994433`,line:`solid`,text:`issued at (document → summit)`},PART_OF:{color:`#222255`,line:`solid`,text:`part of`},REFERENCES:{color:`#AA3377`,line:`dotted`,text:`references`},SIMILAR:{color:`#882255`,line:`dashed`,text:`similar (weight: score)`},MONITORS:{color:`#225522`,line:`solid`,text:`monitors`}},xe=Object.keys(be);function Se(e){return be[e]??{color:`#555555`,line:`solid`,text:e.toLowerCase().replace(/_/g,` `)}}function Ce(e,t=22){let n=Se(e),r=n.line===`dashed`?`5 3`:n.line===`dotted`?`1.5 2.5`:void 0;return o(`svg`,{width:t,height:10,viewBox:`0 0 ${t} 10`,"aria-hidden":`true`,focusable:`false`},o(`line`,{x1:1,x2:t-1,y1:5,y2:5,stroke:n.color,"stroke-width":2,"stroke-dasharray":r,"stroke-linecap":`round`}))}var P=0;function F(e,t=``){let n=`sec-${++P}`,r=i(`h2`,{id:n},e),a=i(`div`,{class:`section-body`});return{el:i(`section`,{class:[`panel`,t],"aria-labelledby":n},r,a),body:a,heading:r}}function we(e=`Loading…`){return i(`p`,{class:`loading`,role:`status`},e)}async function I(e,t,n,r){s(e,we()),e.setAttribute(`aria-busy`,`true`);try{let t=await r();if(n.aborted)return;s(e,t)}catch(r){if(f(r)||n.aborted)return;s(e,m(r,t))}finally{e.removeAttribute(`aria-busy`)}}function Te(e){let t=i(`p`,{class:`count`,role:`status`}),n=i(e.listTag??`ol`,{class:e.listClass??`plain-list`}),r=i(`button`,{type:`button`,class:`more`,hidden:!0}),a=i(`div`),o=i(`div`,{class:`paginated`},t,n,a,r),s=null,l=0,u=0,d=async()=>{r.disabled=!0,r.textContent=`Loading…`,l===0&&(t.textContent=`Loading…`),o.setAttribute(`aria-busy`,`true`);try{let i=await e.fetch(e.pageSize,s);if(e.signal.aborted)return;a.replaceChildren(),u=i.totalCount;let o=i.edges.map(e=>e.node);e.render(o,n),l+=o.length,s=i.pageInfo.endCursor??(i.edges.length?i.edges[i.edges.length-1].cursor:s);let[d,f]=e.noun;t.textContent=u===0?`No ${f}.`:l>=u?`${c(u,d,f)}.`:`${l.toLocaleString(`en`)} of ${c(u,d,f)} shown.`;let p=u-l;r.hidden=!(i.pageInfo.hasNextPage&&p>0&&s),r.disabled=!1,r.textContent=`Show ${Math.min(p,e.pageSize)} more ${p===1?d:f}`}catch(n){if(f(n)||e.signal.aborted)return;a.replaceChildren(m(n,e.what)),l===0&&(t.textContent=``),r.disabled=!1,r.textContent=`Try again`,r.hidden=!1}finally{o.removeAttribute(`aria-busy`)}};return r.addEventListener(`click`,()=>void d()),d(),o}function L(e,t){return i(`a`,{href:M(e.kind,e.id)},t??e.label)}function Ee(e){return i(`dl`,{class:`facts`},e.filter(([,e])=>e!=null&&e!==``&&e!==!1).map(([e,t])=>[i(`dt`,null,e),i(`dd`,null,t)]))}function R(e){return e.toFixed(2)}function De(e){let t=e.number?.trim()??``;return!t||t===`1`&&!e.parent?null:t}function Oe(e,t=64){let n=e.label.trim(),r=e.number?.trim();r&&n.startsWith(r)&&(n=n.slice(r.length).replace(/^[.)\s]+/u,``));let i=Array.from(n);return i.length>t&&(n=i.slice(0,t-1).join(``).replace(/[\s,;:]+\S*$/u,``)+`…`),n}function ke(e,t=`all`){return(t===`all`?[e.summit?.label??`no summit`,e.document?.title]:t===`document`?[e.document?.title]:[]).filter(Boolean).join(` · `)}function Ae(e,t=`all`){let n=De(e),r=`“${Oe(e)}”`,i=n?`${n} ${r}`:r,a=ke(e,t);return a?`${a} · ${i}`:i}function z(e,t=`all`){return i(`a`,{href:M(e.kind,e.id),class:`mandate-link`,"data-id":e.id},Ae(e,t))}function je(e){return e.replace(/[&<>"']/g,e=>({"&":`&amp;`,"<":`&lt;`,">":`&gt;`,'"':`&quot;`,"'":`&apos;`})[e])}function Me(e,t){let n=[`<?xml version="1.0" encoding="UTF-8"?>`,`<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">`,`  <key id="kind" for="node" attr.name="kind" attr.type="string"/>`,`  <key id="label" for="node" attr.name="label" attr.type="string"/>`,`  <key id="x" for="node" attr.name="x" attr.type="double"/>`,`  <key id="y" for="node" attr.name="y" attr.type="double"/>`,`  <key id="type" for="edge" attr.name="type" attr.type="string"/>`,`  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>`,`  <graph id="summitgraph" edgedefault="directed">`];return e.forEach(e=>{let t=e.position();n.push(`    <node id="${je(e.id())}"><data key="kind">${je(String(e.data(`kind`)))}</data><data key="label">${je(String(e.data(`label`)))}</data><data key="x">${t.x.toFixed(1)}</data><data key="y">${t.y.toFixed(1)}</data></node>`)}),t.forEach(e=>{let t=e.data(`weight`);n.push(`    <edge id="${je(e.id())}" source="${je(e.source().id())}" target="${je(e.target().id())}"><data key="type">${je(String(e.data(`type`)))}</data>`+(t==null?``:`<data key="weight">${t}</data>`)+`</edge>`)}),n.push(`  </graph>`,`</graphml>`,``),n.join(`
`)}function Ne(e,t){let n=e=>{let{short:t,...n}=e.data();return e.isNode()?{data:n,position:{...e.position()}}:{data:n}};return JSON.stringify({format_version:`1.0`,generated_by:`summitgraph explorer`,elements:{nodes:e.map(n),edges:t.map(n)}},null,1)}function Pe(e,t,n){let r=typeof t==`string`?new Blob([t],{type:n}):t,i=URL.createObjectURL(r),a=document.createElement(`a`);a.href=i,a.download=e,a.hidden=!0,document.body.append(a),a.click(),a.remove(),setTimeout(()=>URL.revokeObjectURL(i),1e4)}function Fe(e){return`summitgraph-${e.replace(/[^A-Za-z0-9._-]+/g,`-`).replace(/^-+|-+$/g,``)}`}function Ie(e,t=28){let n=Array.from(e);return n.length<=t?e:n.slice(0,t-1).join(``).trimEnd()+`…`}function Le(e){return e.kind===`MANDATE`?e.label.replace(/^1\.\s+/,``):e.label}function Re(){let e=[{selector:`node`,style:{label:`data(short)`,"font-size":9,"font-family":`system-ui, -apple-system, "Segoe UI", Roboto, sans-serif`,color:`#1f2328`,"text-valign":`bottom`,"text-margin-y":3,"text-wrap":`none`,"text-background-color":`#ffffff`,"text-background-opacity":.7,"text-background-padding":`1px`,"min-zoomed-font-size":7,width:20,height:20,"border-width":1,"border-color":`#ffffff`}},{selector:`node[kind = "MANDATE"]`,style:{width:13,height:13}},{selector:`node.expanded`,style:{"border-width":2,"border-color":`#1f2328`}},{selector:`node.root`,style:{width:34,height:34,"border-width":3,"border-color":`#1f2328`,"font-size":11,"font-weight":`bold`}},{selector:`node:selected`,style:{"border-width":4,"border-color":`#000000`,"overlay-opacity":.12}},{selector:`.hidden`,style:{display:`none`}},{selector:`edge`,style:{width:1.2,"curve-style":`straight`,"target-arrow-shape":`triangle`,"arrow-scale":.6,label:`data(text)`,"font-size":6,color:`#3d4148`,"text-rotation":`autorotate`,"text-background-color":`#ffffff`,"text-background-opacity":.8,"min-zoomed-font-size":8}},{selector:`edge[type = "SIMILAR"][weight]`,style:{width:`mapData(weight, 0, 1, 1, 4)`,"target-arrow-shape":`none`}},{selector:`edge.hover`,style:{width:3,"z-index":10,"font-size":9,"min-zoomed-font-size":1}},{selector:`edge:selected`,style:{width:3,"line-color":`#000000`,"target-arrow-color":`#000000`}}];for(let t of ge)e.push({selector:`node[kind = "${t}"]`,style:{"background-color":_e[t],shape:ve[t]}});return e}function ze(e){let t=Se(e);return{"line-color":t.color,"target-arrow-color":t.color,"line-style":t.line}}function Be(e,t,n,r=110,i=34){let a=[],o=r,s=0;for(;a.length<e;){let r=Math.max(6,Math.floor(2*Math.PI*o/i)),c=Math.min(r,e-a.length);for(let e=0;e<c;e++){let r=s+2*Math.PI*e/c;a.push({x:t+o*Math.cos(r),y:n+o*Math.sin(r),angle:r%(2*Math.PI)})}o+=i*1.2,s+=.3}return a}var Ve=1500,He=500,Ue=3e3,We=1500,Ge=6e3,Ke=60,qe=200,Je=1500,Ye=b,Xe=null,Ze=null;function Qe(){return Xe??=Promise.all([t(()=>import(`./cytoscape.esm-V0yozgrq.js`),[]),t(()=>import(`./cytoscape-fcose-I7JwKCd7.js`).then(t=>e(t.default,1)),__vite__mapDeps([0,1])),t(()=>import(`./cytoscape-svg-CitUZ0BB.js`).then(t=>e(t.default,1)),__vite__mapDeps([2,1])),t(()=>import(`./forcelayout-D6W6UJ2b.js`),[])]).then(([e,t,n,r])=>(e.default.use(t.default),e.default.use(n.default),Ze=r,e.default)),Xe}var $e=()=>new Promise(e=>requestAnimationFrame(()=>e()));function et(e,t,n){e.positions(e=>{let r=e.position();return{x:r.x+t,y:r.y+n}})}function tt(e){let t=t=>(e.get(t)??``).split(`,`).map(e=>e.trim()).filter(Boolean),n=t(`g.hide`);return{expand:t(`g.expand`),hideKinds:n.filter(j),hideTypes:n.filter(e=>!j(e))}}function nt(e){let t=location.hash.replace(/^#/,``)||`/`,n=t.indexOf(`?`),r=n<0?t:t.slice(0,n),i=new URLSearchParams(n<0?``:t.slice(n+1)),a=(e,t)=>t.length?i.set(e,t.join(`,`)):i.delete(e);a(`g.expand`,e.expand),a(`g.hide`,[...e.hideKinds,...e.hideTypes]);let o=i.toString().replace(/%2C/g,`,`).replace(/%2F/g,`/`);history.replaceState(history.state,``,`#${r}${o?`?${o}`:``}`)}function rt(e,t,n={}){let r=n.linkable??!0,a=i(`p`,{class:`graph-status`,role:`status`,"aria-live":`polite`},`Loading the graph…`),o=i(`p`,{class:`warning graph-capped`,role:`status`,hidden:!0}),l=i(`div`,{class:`graph-errors`}),u=i(`div`,{class:`graph-canvas`,role:`img`,"aria-label":`Graph of the neighbourhood of ${e.label}. The list below gives the same nodes.`}),p=i(`p`,{class:`graph-hover`,hidden:!0,"aria-hidden":`true`}),h=i(`div`,{class:`graph-selection`,"aria-live":`polite`}),g=i(`ul`,{class:`graph-list`}),_=i(`details`,{class:`graph-details`},i(`summary`,null,`The nodes of the graph as a list (keyboard: expand and collapse from here)`),g),v=(e,t=``)=>i(`button`,{type:`button`,class:t,disabled:!0},e),y=v(`Fit to view`),b=v(`Start again`),x={png:v(`PNG`,`small`),svg:v(`SVG`,`small`),json:v(`Cytoscape JSON`,`small`),graphml:v(`GraphML`,`small`)},S=new Set(n.state?.hideKinds??[]),C=new Set(n.state?.hideTypes??[]),w=i(`ul`,{class:`filter-list kinds`}),T=i(`ul`,{class:`filter-list types`}),E=i(`div`,{class:`graph-filters`},i(`fieldset`,null,i(`legend`,null,`Node kinds shown`),w),i(`fieldset`,null,i(`legend`,null,`Edge types shown`),T)),ee=i(`section`,{class:`graph`,"aria-labelledby":`graph-h`},i(`h2`,{id:`graph-h`},`Graph`),i(`p`,{class:`help`},`The neighbourhood of `,i(`strong`,null,e.label),`. Click a node to fetch its neighbours and add them beside it; double-click to open its page. Hover an edge for its type and weight. Scroll to zoom, drag to move.`),E,i(`div`,{class:`graph-toolbar`},y,b,i(`span`,{class:`export`,role:`group`,"aria-label":`Export the view`},`Export: `,x.png,x.svg,x.json,x.graphml),a),o,l,i(`div`,{class:`graph-body`},i(`div`,{class:`graph-stage`},u,p),h),_),D=null,O=new Map,k=[],te=new Set,ne=[],re=new Set,ie=!1,ae=Promise.resolve(),oe=()=>({expand:k.filter(t=>t!==e.id),hideKinds:[...S],hideTypes:[...C]}),se=()=>{r&&!t.aborted&&nt(oe())},ce=()=>{if(!D)return;let e=D.nodes().length,t=D.edges().length;u.dataset.nodes=String(e),u.dataset.edges=String(t),u.dataset.visible=String(D.nodes(`:visible`).length),a.textContent=`${c(e,`node`)}, ${c(t,`edge`)}; ${c(O.size,`node`)} expanded.`},le=()=>{D&&(D.batch(()=>{D.nodes().forEach(e=>{e.toggleClass(`hidden`,S.has(e.data(`kind`)))}),D.edges().forEach(e=>{e.toggleClass(`hidden`,C.has(e.data(`type`)))})}),ce())},ue=(e,t,n,r,a)=>{let o=`gf-${e}-${t}-${Math.random().toString(36).slice(2,7)}`,s=i(`input`,{type:`checkbox`,id:o,value:t,"data-filter":e});return s.checked=!a.has(t),s.addEventListener(`change`,()=>{s.checked?a.delete(t):a.add(t),le(),se()}),i(`li`,null,s,i(`label`,{for:o},n,` `,r))};w.append(...ge.map(e=>ue(`kind`,e,ye(e),A[e],S)));let de=e=>{let t=e.filter(e=>!re.has(e));if(t.length===0)return;for(let e of t)re.add(e);let n=[...re].sort((e,t)=>{let n=xe.indexOf(e),r=xe.indexOf(t);return(n<0?99:n)-(r<0?99:r)||e.localeCompare(t)});if(s(T,n.map(e=>ue(`type`,e,Ce(e),Se(e).text,C))),D){let e=D.style();for(let n of t)e.selector(`edge[type = "${n}"]`).style(ze(n));e.selector(`edge:selected`).style({width:3,"line-color":`#000000`,"target-arrow-color":`#000000`}),e.update()}},fe=()=>{if(!D||!_.open)return;let t=D.nodes().map(e=>({id:e.id(),kind:e.data(`kind`),label:e.data(`label`)})).sort((e,t)=>ge.indexOf(e.kind)-ge.indexOf(t.kind)||e.label.localeCompare(t.label));s(g,t.map(t=>i(`li`,null,N(t.kind),` `,i(`a`,{href:M(t.kind,t.id)},t.label),` `,O.has(t.id)?t.id===e.id?i(`span`,{class:`muted`},`(start)`):i(`button`,{type:`button`,class:`small`,onclick:()=>be(t.id)},`Collapse`):i(`button`,{type:`button`,class:`small`,onclick:()=>P(t.id)},`Expand`))))};_.addEventListener(`toggle`,fe);let pe=t=>{let n=D?.getElementById(t);if(!n||n.empty()){s(h);return}let r=n.data(`kind`),a=O.has(t);s(h,i(`h3`,null,`Selected`),i(`p`,null,N(r)),i(`p`,{class:`selected-label`},Le({kind:r,label:n.data(`label`)})),i(`p`,null,i(`a`,{href:M(r,t)},`Open this ${j(r)?A[r]:`node`}`)),i(`p`,{class:`muted`},`${c(n.degree(!1),`edge`)} drawn${a?`; expanded`:``}.`),a&&t!==e.id?i(`p`,null,i(`button`,{type:`button`,class:`small collapse`,onclick:()=>be(t)},`Collapse`)):a?null:i(`p`,null,i(`button`,{type:`button`,class:`small expand`,onclick:()=>void P(t)},`Expand`)))},me=e=>{ne.push(e);let t=[...new Set(ne)].slice(-3).reverse();o.hidden=!1,s(o,t.map((e,t)=>[t?i(`br`):null,e])),o.dataset.count=String(ne.length)},he=async(e,t,n)=>{if(!D)return;let r=D,i=performance.now(),a=!n&&e.length>Ke,o=n?r.elements():a?e.union(t).union(e.edgesWith(t)):e.closedNeighborhood().closedNeighborhood(),s={...t.position()},c=n||a?[]:o.nodes().difference(e).map(e=>({nodeId:e.id(),position:{...e.position()}}));u.dataset.layoutNodes=String(o.nodes().length);let l=!n&&!a,d=!l&&o.nodes().length>=qe;if(u.dataset.layoutStart=l?`refine`:d?`rings`:`random`,u.dataset.layoutEngine=d&&Ze?`d3-force`:`fcose`,d&&Ze?Ze.forceLayout(r,o.nodes(),t):await new Promise(e=>{let t=o.layout({name:`fcose`,quality:l?`proof`:`default`,randomize:!l,animate:!1,fit:!1,padding:30,nodeDimensionsIncludeLabels:!1,packComponents:!1,nodeRepulsion:()=>6500,idealEdgeLength:()=>70,numIter:1e3,fixedNodeConstraint:c.length?c:void 0});t.one(`layoutstop`,()=>e()),t.run()}),a){let n=t.position();et(o.nodes(),s.x-n.x,s.y-n.y);let i=r.nodes().difference(o);if(i.nonempty()){let t=i.boundingBox(),n=s.x-(t.x1+t.x2)/2,r=s.y-(t.y1+t.y2)/2,a=Math.hypot(n,r)||1;[n,r]=a<1?[1,0]:[n/a,r/a];let o=e.boundingBox(),c=e=>!(o.x2+n*e<t.x1||o.x1+n*e>t.x2||o.y2+r*e<t.y1||o.y1+r*e>t.y2),l=0;for(;c(l)&&l<16e3;)l+=40;et(e,n*(l+60),r*(l+60))}}u.dataset.layoutMs=String(Math.round(performance.now()-i))},_e=e=>{D&&(D.fit(e,30),D.zoom()>1.4&&(D.zoom(1.4),D.center(e)))},ve=async(n,r)=>{if(!D)return;let i=D,o=performance.now(),s=i.getElementById(n),l=i.nodes().length===0,d=r.nodes.filter(e=>i.getElementById(e.id).empty()),f=Ve-i.nodes().length,p=d.slice(0,Math.max(0,f));r.truncated&&me(`The neighbourhood of “${Ie(s.nonempty()?s.data(`label`):e.label,60)}” is larger than the API returns at once: it stopped at ${c(r.nodes.length,`node`)} (truncated). Expand other nodes to see more.`),p.length<d.length&&me(`The view holds at most ${Ve.toLocaleString(`en`)} nodes: ${c(d.length-p.length,`node`)} of this neighbourhood ${d.length-p.length===1?`was`:`were`} not drawn. Collapse a node or use “Start again”.`);let m=new Set(p.map(e=>e.id));O.set(n,new Set(r.nodes.map(e=>e.id).filter(e=>m.has(e)||i.getElementById(e).nonempty()))),O.get(n).add(n),k.includes(n)||k.push(n),p.sort((e,t)=>ge.indexOf(e.kind)-ge.indexOf(t.kind));let h=s.nonempty()?s.position():{x:0,y:0},g=Be(p.filter(e=>e.id!==n).length,h.x,h.y),_=0,v=p.map(t=>({group:`nodes`,data:{id:t.id,kind:t.kind,label:t.label,short:Ie(Le(t))},position:t.id===n?{...h}:g[_++],classes:[t.id===e.id?`root`:``,S.has(t.kind)?`hidden`:``].join(` `)})),y=i.collection();for(let e=0;e<v.length;e+=He){if(t.aborted)return;y=y.union(i.add(v.slice(e,e+He))),v.length>He&&(a.textContent=`Drawing ${Math.min(e+He,v.length)} of ${v.length} nodes…`,await $e())}let b=[];for(let e of r.edges){let t=`${e.from}|${e.type}|${e.to}`;if(i.getElementById(t).nonempty()||i.getElementById(e.from).empty()||i.getElementById(e.to).empty())continue;let n=e.weight==null?Se(e.type).text.split(` (`)[0]:`${Se(e.type).text.split(` (`)[0]} ${e.weight.toFixed(2)}`;b.push({group:`edges`,data:{id:t,source:e.from,target:e.to,type:e.type,weight:e.weight,text:n},classes:C.has(e.type)?`hidden`:``})}de([...new Set(b.map(e=>e.data.type))]),!ie&&i.edges().length+b.length>Je&&(ie=!0,i.style().selector(`edge`).style({"curve-style":`haystack`,"haystack-radius":0,"target-arrow-shape":`none`,label:``}).update());for(let e=0;e<b.length;e+=Ue){if(t.aborted)return;i.add(b.slice(e,e+Ue)),e+Ue<b.length&&await $e()}i.getElementById(n).addClass(`expanded`);let x=y.filter(e=>e.id()!==n);if(x.length>0&&i.nodes().length<=We&&i.edges().length<=Ge&&await he(x,i.getElementById(n),l),l)_e();else if(x.length>0){let e=x.union(i.getElementById(n)),t=i.extent(),r=e.boundingBox();r.x1>=t.x1&&r.x2<=t.x2&&r.y1>=t.y1&&r.y2<=t.y2||i.animate({fit:{eles:i.nodes(`:visible`),padding:30}},{duration:250})}u.dataset.mergeMs=String(Math.round(performance.now()-o))},be=t=>{if(!D||t===e.id||!O.has(t))return;let n=D;for(O.delete(t),n.getElementById(t).removeClass(`expanded`);;){let t=new Set([e.id]);for(let e of O.values())for(let n of e)t.add(n);let r=n.nodes().filter(e=>!t.has(e.id())),i=r.filter(e=>O.has(e.id()));if(i.length===0){n.remove(r);break}i.forEach(e=>{O.delete(e.id())})}for(let e=k.length-1;e>=0;e--)O.has(k[e])||k.splice(e,1);ce(),fe(),pe(n.getElementById(t).nonempty()?t:e.id),a.textContent+=` Collapsed ${Ie(String(n.getElementById(t).data(`label`)??t),60)}.`,se()},P=n=>{if(O.has(n)||te.has(n))return ae;te.add(n);let r=D?.getElementById(n).data(`label`)??e.label;return a.textContent=`Fetching the neighbourhood of ${Ie(r,60)}…`,ee.setAttribute(`aria-busy`,`true`),ae=ae.then(async()=>{try{let e=await d(Ye,{id:n},t);await ve(n,e.neighborhood)}catch(e){if(f(e))return;l.replaceChildren(m(e,`the neighbourhood of ${r}`))}finally{te.delete(n),t.aborted||(ee.removeAttribute(`aria-busy`),ce(),fe(),D?.getElementById(n).selected()&&pe(n),se())}}),ae},F=()=>{let e=D;return{nodes:e.nodes(`:visible`),edges:e.edges(`:visible`)}};return t.addEventListener(`abort`,()=>{D?.destroy(),D=null}),(async()=>{let r;try{r=await Qe()}catch(e){a.textContent=``,l.replaceChildren(m(e,`the graph library`));return}if(t.aborted)return;D=r({container:u,style:Re(),minZoom:.05,maxZoom:4,boxSelectionEnabled:!1,selectionType:`single`}),Object.defineProperty(u,"cy",{value:D,configurable:!0});let i=D;i.on(`tap`,`node`,e=>{let t=e.target.id();pe(t),P(t)}),i.on(`tap`,e=>{e.target===i&&s(h)}),i.on(`dbltap`,`node`,e=>{let t=e.target;location.hash=M(t.data(`kind`),t.id())});let c=e=>{let t=e.data(`weight`);return`${Se(e.data(`type`)).text.split(` (`)[0]}: ${Ie(e.source().data(`label`),50)} → ${Ie(e.target().data(`label`),50)}${t==null?``:` · weight ${t.toFixed(2)}`}`};i.on(`tap`,`edge`,e=>{a.textContent=c(e.target)}),i.on(`mouseover`,`edge`,e=>{let t=e.target;t.addClass(`hover`),p.textContent=c(t),p.hidden=!1,p.dataset.edge=t.id()}),i.on(`mouseout`,`edge`,e=>{e.target.removeClass(`hover`),p.hidden=!0}),i.on(`mouseover`,`node`,e=>{let t=e.target;p.textContent=`${Le({kind:t.data(`kind`),label:t.data(`label`)})} (${String(t.data(`kind`)).toLowerCase()})`,p.hidden=!1,delete p.dataset.edge}),i.on(`mouseout`,`node`,()=>p.hidden=!0);for(let e of[y,b,...Object.values(x)])e.disabled=!1;y.addEventListener(`click`,()=>_e(i.nodes(`:visible`))),b.addEventListener(`click`,()=>{if(i.elements().remove(),O.clear(),k.length=0,ie){ie=!1,i.style(Re());let e=[...re];re.clear(),de(e)}ne.length=0,o.hidden=!0,l.replaceChildren(),s(h),P(e.id)});let d=Fe(e.id);x.png.addEventListener(`click`,()=>{let e=i.png({output:`blob`,full:!0,scale:2,bg:`#ffffff`,maxWidth:8e3,maxHeight:8e3});Pe(`${d}.png`,e,`image/png`)}),x.svg.addEventListener(`click`,()=>{let e=i.svg({full:!0,scale:1,bg:`#ffffff`});Pe(`${d}.svg`,e,`image/svg+xml`)}),x.json.addEventListener(`click`,()=>{let e=F();Pe(`${d}.cyjs`,Ne(e.nodes,e.edges),`application/json`)}),x.graphml.addEventListener(`click`,()=>{let e=F();Pe(`${d}.graphml`,Me(e.nodes,e.edges),`application/graphml+xml`)}),await P(e.id);for(let e of n.state?.expand??[]){if(t.aborted)return;i.getElementById(e).nonempty()&&await P(e)}t.aborted||(i.getElementById(e.id).select(),pe(e.id),ee.dataset.ready=`true`)})(),ee}var it=760,at=28,ot=34,st=0;function ct(e){if(e.startDate){let t=Date.parse(e.startDate+`T00:00:00Z`);if(!Number.isNaN(t)){let n=Date.UTC(e.year,0,1),r=Date.UTC(e.year+1,0,1);return e.year+(t-n)/(r-n)}}return e.year+.5}function lt(e,t,n,r){let a=[...e,...t.map(e=>e.summit)].map(ct),s=Math.floor(Math.min(1994,...a)),l=Math.ceil(Math.max(s+10,...a)+.5),u=e=>at+(e-s)/(l-s)*704,d=[],f=t.map(e=>{let t=u(ct(e.summit)),n=c(e.count,`mandate`),r=Math.max(e.summit.label.length,n.length)*7+8,i=Math.max(2,Math.min(t-r/2,758-r)),a=0;for(;d[a]??=[],!d[a].every(([e,t])=>i+r<e||i>t);a++);return d[a].push([i,i+r]),{st:e,cx:t,lvl:a,left:i,w:r,count:n}}),p=e=>Math.min(22,5+3*Math.sqrt(e)),m=8+Math.max(1,d.length)*ot+22+10,h=m+34,g=e=>m-22-12-e*ot,_=[];for(let e=Math.ceil(s/5)*5;e<=l;e+=5)_.push(o(`line`,{x1:u(e),x2:u(e),y1:m,y2:m+5,class:`tick`}),o(`text`,{x:u(e),y:m+19,"text-anchor":`middle`,class:`tick-label`},String(e)));let v=new Set(t.map(e=>e.summit.id)),y=e.filter(e=>!v.has(e.id)).map(e=>o(`circle`,{cx:u(ct(e)),cy:m,r:3.5,class:[`summit-dot`,e.special?`special`:``,e.status?`status`:``]},o(`title`,null,`${e.label}${e.special?` (special summit)`:``}${e.status?` (${e.status})`:``}: no mandate`))),b=f.map(({st:e,cx:t,lvl:r,left:i,w:a,count:s})=>{let c=p(e.count),l=g(r),u=i+a/2;return o(`a`,{href:M(`SUMMIT`,e.summit.id),class:`timeline-step`,"data-summit":e.summit.id,"data-count":String(e.count)},o(`line`,{x1:t,x2:u,y1:m-c,y2:l+6,class:`leader`}),o(`circle`,{cx:t,cy:m,r:c,fill:n,class:`step-dot`}),o(`text`,{x:u,y:l-14,"text-anchor":`middle`,class:`step-label`},e.summit.label),o(`text`,{x:u,y:l+1,"text-anchor":`middle`,class:`step-count`},s))}),x=`tl-title-${++st}`,S=o(`svg`,{class:`timeline`,viewBox:`0 0 ${it} ${h}`,role:`group`,"aria-labelledby":x},o(`title`,{id:x},r),o(`line`,{x1:20,x2:740,y1:m,y2:m,class:`axis`}),_,y,b),C=t.reduce((e,t)=>e+t.count,0);return i(`figure`,{class:`timeline-figure`},S,i(`figcaption`,null,t.length===0?`No summit mandate mentions it.`:`${c(C,`mandate`)} at ${c(t.length,`summit`)}, ${t[0].summit.year}–${t[t.length-1].summit.year}. Grey dots are summits without a mention; disc area follows the number of mandates.`),i(`ol`,{class:`timeline-list`},t.map(e=>i(`li`,null,i(`a`,{href:M(`SUMMIT`,e.summit.id)},e.summit.label),`: `,c(e.count,`mandate`)))))}var ut=S,dt=C,ft=w,pt=T,mt=E,ht=10;function gt(e,t,n){let r=null,a=()=>r??=d(mt,{id:e,first:ht,after:null},n).then(e=>new Map(e.trace.steps.map(e=>[e.summit.id,e.mandates])));return i(`div`,{class:`step-mandates`},i(`h3`,{class:`small-heading`},`Its mandates, summit by summit`),t.map(t=>{let r=i(`ol`,{class:`plain-list mandate-list`}),o=i(`p`,{class:`count`,role:`status`}),l=i(`button`,{type:`button`,class:`more`,hidden:!0}),u=i(`div`,{class:`step-body`},r,o,l),f=[],p=e=>{f=f.concat(e),r.append(...e.map(e=>i(`li`,null,z({...e,summit:null},`document`)))),o.textContent=`${f.length.toLocaleString(`en`)} of ${c(t.count,`mandate`)} shown.`;let n=t.count-f.length;l.hidden=n<=0||e.length===0,l.textContent=`Show ${Math.min(n,ht)} more of ${t.summit.label}`},h=i(`details`,{class:`step`,"data-summit":t.summit.id},i(`summary`,null,`${t.summit.label}: ${c(t.count,`mandate`)}`),u);return h.addEventListener(`toggle`,()=>{!h.open||f.length||o.dataset.loading||(o.dataset.loading=`1`,o.textContent=`Loading…`,a().then(e=>p(e.get(t.summit.id)??[])).catch(e=>{n.aborted||s(o,m(e,`the mandates`))}).finally(()=>delete o.dataset.loading))}),l.addEventListener(`click`,async()=>{l.disabled=!0;let i=r.children.length;try{let a=await d(mt,{id:e,first:ht,after:f[f.length-1].id},n);p(a.trace.steps.find(e=>e.summit.id===t.summit.id)?.mandates??[]),r.querySelectorAll(`a`)[i]?.focus()}catch(e){n.aborted||s(o,m(e,`more mandates`))}finally{l.disabled=!1}}),h}))}var _t={MONITORS:[`monitors`,`is monitored by`],PART_OF:[`is part of`,`includes`]};function vt(e,t){let n=_t[e];if(n)return t===`OUT`?n[0]:n[1];let r=e.toLowerCase().replace(/_/g,` `);return t===`OUT`?r:`${r} (inverse)`}async function yt(e){let{main:t,signal:n,id:r}=e,a=(await d(ut,{id:r},n)).node;if(!a)throw new u(`NOT_FOUND`,`no node with id "${r}"`);if(a.__typename!==`Entity`){location.replace(M(a.kind,a.id));return}let o=a.name;document.title=`${o} — summitgraph`;let l=j(a.kind)?A[a.kind]:a.kind,f=a.aliases.filter(e=>e!==o),p=i(`header`,{class:`page-head`},i(`p`,{class:`eyebrow`},N(a.kind),a.origin===`discovered`?i(`span`,{class:`flag`},`discovered in a text`):null),i(`h1`,{tabindex:`-1`},o),a.nameEs?i(`p`,{class:`subtitle`,lang:`es`},a.nameEs):null,Ee([[`Acronyms`,a.acronyms.length?a.acronyms.join(`, `):null],[a.kind===`INSTITUTION`?`Founded`:`Adopted`,a.year?String(a.year):null],[`Group`,a.group],[`Origin`,a.origin===`discovered`?`discovered in a text by its shape (lower confidence)`:a.origin],[`Id`,i(`code`,null,a.id)]]),f.length?i(`div`,{class:`aliases`},i(`h2`,{class:`small-heading`},`Also written`),i(`ul`,{class:`chips`},f.map(e=>i(`li`,null,e)))):null,a.relations.length?i(`div`,{class:`relations`},i(`h2`,{class:`small-heading`},`Catalog relations`),i(`ul`,{class:`plain-list`},a.relations.map(e=>i(`li`,null,`This ${l} ${vt(e.type,e.direction)} `,L(e.entity),` `,N(e.entity.kind))))):null),m=F(`Across summits`,`trace`),h=rt({id:a.id,kind:a.kind,label:o},n,{state:tt(e.params)}),_=F(`Related entities`,`related`),v=F(`Mentions`,`mentions`);s(t,p,m.el,h,i(`div`,{class:`two-col`},v.el,_.el)),I(m.body,`the timeline`,n,async()=>{let e=await d(pt,{id:a.id},n),t=j(a.kind)?_e[a.kind]:`#555`;return[lt(e.summits,e.trace.steps,t,`${o} across the Summits of the Americas`),e.trace.steps.length?gt(a.id,e.trace.steps,n):null]});let y=10,b=()=>I(_.body,`the related entities`,n,async()=>{let e=await d(dt,{id:a.id,first:y},n),t=e.node?.__typename===`Entity`?e.node.related:[];return t.length===0?i(`p`,null,`No entity is mentioned in the same mandates.`):[i(`p`,{class:`help`},`Mentioned in the same mandates, strongest association first.`),i(`ol`,{class:`related-list`},t.map(e=>i(`li`,null,N(e.entity.kind),` `,L(e.entity),i(`span`,{class:`muted`},` ${c(e.count,`mandate`)} together · weight ${e.weight.toFixed(2)}`)))),t.length>=y&&y<100?i(`button`,{type:`button`,class:`more`,onclick:()=>{y=Math.min(100,y+20),b()}},`Show more related entities`):null]});b();let x=null,S=e=>{let t=e.spans[0].mandate;s(e.text,g(t.text,e.spans.map((e,t)=>({start:e.start,end:e.end,className:`hl hl-mention kind-${a.kind}`,tip:`“${e.surface}” · found by ${e.method}, confidence ${R(e.confidence)}`,data:{mention:String(t),method:e.method,confidence:R(e.confidence)}})))),s(e.meta,e.spans.map((e,t)=>[t?`; `:``,i(`q`,null,e.surface),` (${e.method}, ${R(e.confidence)})`]))};v.body.append(Te({signal:n,what:`the mentions`,noun:[`mention`,`mentions`],pageSize:20,listClass:`mention-list`,fetch:async(e,t)=>{let r=await d(ft,{id:a.id,first:e,after:t},n);if(r.node?.__typename!==`Entity`)throw new u(`NOT_FOUND`,`no entity with id "${a.id}"`);return r.node.mentions},render:(e,t)=>{for(let n of e){if(x&&x.id===n.mandate.id){x.spans.push(n),S(x);continue}let e=n.mandate,r=i(`blockquote`,{class:`mandate-text`,cite:M(e.kind,e.id)}),a=i(`span`,{class:`matched`});x={id:e.id,spans:[n],text:r,meta:a},S(x),t.append(i(`li`,{class:`mention`,"data-mandate":e.id},i(`h3`,null,z(e,`none`)),i(`p`,{class:`muted where`},e.summit?i(`a`,{href:M(`SUMMIT`,e.summit.id)},e.summit.label):i(`span`,{class:`flag`},`no summit`),e.document?[` · `,i(`a`,{href:M(`DOCUMENT`,e.document.id)},e.document.title)]:null),r,i(`p`,{class:`muted matched-wrap`},`Matched: `,a)))}}}))}var bt=D,xt={en:`English`,es:`Spanish`,fr:`French`,pt:`Portuguese`};function St(e){return e?i(`span`,{class:`lang`,"data-lang":e},` (${xt[e]??e})`):``}function Ct(e){return i(`span`,{class:`link-why`},i(`span`,{class:`score`,"data-score":e.score.toFixed(2)},`score ${e.score.toFixed(2)}`),` · `,e.evidence)}function wt(e,t){return i(`ul`,{class:`plain-list link-list ${t}`},e.map(e=>i(`li`,{"data-type":e.type,"data-direction":e.direction,"data-id":e.mandate.id,"data-lang":e.mandate.language??void 0},z(e.mandate),St(e.mandate.language),i(`br`),Ct(e))))}function Tt(e,t,n,r){return i(`div`,{class:`lineage-part ${r}`},i(`h3`,{class:`small-heading`},e),i(`p`,{class:`help`},t),n)}function Et(e,t){let n=F(`Lineage`,`lineage`);return I(n.body,`the lineage`,t,async()=>{let n=(await d(bt,{id:e},t)).node;if(!n||n.__typename!==`Mandate`)return i(`p`,null,`No lineage.`);let r=(e,t)=>{let r=new Set;return n.links.filter(n=>n.type===e&&(!t||n.direction===t)&&!r.has(n.mandate.id)&&r.add(n.mandate.id))},a=[],o=r(`QUOTES`,`OUT`);o.length&&a.push(Tt(`Where it was adopted`,`The summit document’s paragraph this compiled mandate reproduces.`,i(`div`,null,o.map(e=>i(`figure`,{class:`quoted`,"data-id":e.mandate.id},i(`blockquote`,{class:`mandate-text`,lang:e.mandate.language??void 0},e.mandate.text),i(`figcaption`,null,z(e.mandate),St(e.mandate.language),i(`br`),Ct(e))))),`adopted`));let s=r(`QUOTES`,`IN`);s.length&&a.push(Tt(`Compiled as`,`Mandates of the compilations that reproduce this paragraph.`,wt(s,`quoted-by`),`compiled`));let l=r(`TRANSLATION`);if(l.length){let e=n.language;a.push(Tt(`Translations`,`The same paragraph in the other languages of the document, side by side.`,i(`div`,{class:`side-by-side`,role:`group`,"aria-label":`This mandate and its translations`},i(`figure`,{class:`translation this`},i(`figcaption`,null,`This mandate${e?` (${xt[e]??e})`:``}`),i(`blockquote`,{class:`mandate-text`,lang:e??void 0},n.text)),l.map(e=>{let t=e.mandate.language;return i(`figure`,{class:`translation`,"data-id":e.mandate.id},i(`figcaption`,null,t?`${xt[t]??t}: `:``,z(e.mandate),i(`br`),Ct(e)),i(`blockquote`,{class:`mandate-text`,lang:t??void 0},e.mandate.text))})),`translations`))}let u=r(`RENEWS`,`OUT`);u.length&&a.push(Tt(`Renews`,`Earlier mandates this one repeats or continues.`,wt(u,`renews`),`renews`));let f=r(`RENEWS`,`IN`);f.length&&a.push(Tt(`Renewed by`,`Later mandates that repeat or continue this one.`,wt(f,`renewed-by`),`renewed-by`));let p=r(`RELATED`);return p.length&&a.push(Tt(`Related at other summits`,`Much in common: shared entities, numbers and word roots.`,wt(p,`related`),`related-links`)),a.length===0?i(`p`,null,`No link to another mandate was found: no quoted paragraph, translation or renewal.`):[i(`p`,{class:`count`},`${c(n.links.length,`link`)}.`),...a]}),n.el}var Dt=O,Ot=k,kt={uncited:`no citation: the source prints none`,unresolved:`the citation names no single known summit`,truncated:`the text stops mid-sentence`};function At(e){return j(e)?A[e]:e.toLowerCase()}async function jt(e){let{main:t,signal:n,id:r}=e,a=(await d(Dt,{id:r},n)).node;if(!a)throw new u(`NOT_FOUND`,`no node with id "${r}"`);if(a.__typename!==`Mandate`){location.replace(M(a.kind,a.id));return}let o=a.text,l=a.mentions,f=a.references,p=Ae(a);document.title=`${p} — summitgraph`;let m=[...l.map((e,t)=>({start:e.start,end:e.end,className:`hl hl-mention kind-${e.entity.kind}`,tip:`${e.entity.label} (${At(e.entity.kind)}) · found by ${e.method}, confidence ${R(e.confidence)}`,data:{mention:String(t),entity:e.entity.id,method:e.method,confidence:R(e.confidence)},href:M(e.entity.kind,e.entity.id)})),...f.map((e,t)=>({start:e.start,end:e.end,className:`hl hl-ref`,tip:`Reference to ${e.target.label} (${At(e.target.kind)})`,data:{reference:String(t),target:e.target.id},href:M(e.target.kind,e.target.id)}))],h=i(`nav`,{class:`crumbs`,"aria-label":`Where this mandate comes from`},i(`ol`,null,a.summit?i(`li`,null,L(a.summit)):i(`li`,null,i(`span`,{class:`flag`},`no summit`)),a.document?i(`li`,null,L(a.document,a.document.title)):null,a.parent?i(`li`,null,z(a.parent,`none`)):null,i(`li`,{"aria-current":`page`},De(a)?`Mandate ${De(a)}`:`This mandate`))),_=a.sources.length?a.sources:[a.source],v=i(`header`,{class:`page-head`},h,i(`p`,{class:`eyebrow`},N(`MANDATE`),a.flags.map(e=>i(`span`,{class:`flag`,title:kt[e]??e},e))),i(`h1`,{tabindex:`-1`},p)),y=F(`Text`,`mandate-body`);y.body.append(i(`blockquote`,{class:`mandate-text full`,"data-mandate":a.id},g(o,m)),l.length||f.length?i(`p`,{class:`help`},`Highlighted: `,l.length?i(`mark`,{class:`hl hl-mention sample`},c(l.length,`mention`)):null,l.length&&f.length?` and `:null,f.length?i(`mark`,{class:`hl hl-ref sample`},c(f.length,`reference`)):null,`. Hover or focus one for how it was found; click it to open what it names.`):i(`p`,{class:`help`},`No mention or reference was found in this text.`),Ee([[`Citation`,a.citation??i(`span`,{class:`flag`},`none printed`)],[`Summit`,a.summit?[L(a.summit),` (${a.summit.name})`]:i(`span`,{class:`flag`},`unknown (never guessed)`)],[`Document`,a.document?L(a.document,a.document.title):null],[`Year`,a.year?String(a.year):null],[`Heading`,a.source.heading],[_.length>1?`Sources`:`Source`,_.map((e,t)=>[t?`, `:``,i(`code`,null,`${e.file}:${e.line}`)])],[`Flags`,a.flags.length?a.flags.map(e=>`${e} (${kt[e]??e})`).join(`; `):null],[`Id`,i(`code`,null,a.id)]]));let b=[v,y.el];if(a.items.length){let e=F(`Items (${a.items.length})`,`items`);e.body.append(i(`ol`,{class:`plain-list`},a.items.map(e=>i(`li`,null,z(e,`none`))))),b.push(e.el)}let x=F(`Mentions (${l.length})`,`mention-table`);x.body.append(l.length===0?i(`p`,null,`None.`):i(`div`,{class:`table-wrap`},i(`table`,null,i(`caption`,{class:`visually-hidden`},`Mentions in text order, with the evidence of each`),i(`thead`,null,i(`tr`,null,[`Words in the text`,`Entity`,`Method`,`Confidence`,`Code points`].map(e=>i(`th`,{scope:`col`},e)))),i(`tbody`,null,l.map(e=>i(`tr`,null,i(`td`,null,i(`q`,null,e.surface)),i(`td`,null,N(e.entity.kind),` `,L(e.entity)),i(`td`,null,e.method),i(`td`,{class:`num`},R(e.confidence)),i(`td`,{class:`num`},`${e.start}–${e.end}`)))))));let S=F(`References (${f.length})`,`references`);S.body.append(f.length===0?i(`p`,null,`This mandate refers to no other summit or summit document.`):i(`ul`,{class:`plain-list`},f.map(e=>i(`li`,null,i(`q`,null,e.surface),` → `,N(e.target.kind),` `,L(e.target)))));let C=F(`Similar mandates`,`similar`);b.push(Et(a.id,n)),b.push(i(`div`,{class:`two-col`},x.el,i(`div`,null,S.el,C.el))),b.push(rt({id:a.id,kind:a.kind,label:p},n,{state:tt(e.params)})),s(t,...b),I(C.body,`the similar mandates`,n,async()=>{let e=await d(Ot,{id:a.id},n),t=e.node?.__typename===`Mandate`?e.node.similar:[];return t.length===0?i(`p`,null,`No mandate of another summit says much the same.`):i(`ol`,{class:`plain-list`},t.map(e=>i(`li`,null,z(e.mandate),i(`span`,{class:`muted`},` · score ${e.score.toFixed(2)}`))))})}var Mt=oe,Nt=se,Pt=ce,Ft=[{value:`UNATTRIBUTED`,param:`unattributed`,label:`No summit`,help:`uncited, or the citation names no single known summit`},{value:`UNRESOLVED`,param:`unresolved`,label:`Unresolved citation`,help:`the citation names no single known summit, or its clues disagree`},{value:`TRUNCATED`,param:`truncated`,label:`Truncated`,help:`the text stops mid-sentence`},{value:`LOW_CONFIDENCE`,param:`low_confidence`,label:`Low-confidence mentions`,help:`a name found by its shape or by NER, below the threshold`}],It=`summitgraph.curationToken`,Lt=25;function Rt(){try{return sessionStorage.getItem(It)??``}catch{return``}}function zt(e){try{e?sessionStorage.setItem(It,e):sessionStorage.removeItem(It)}catch{}}function Bt(e,t){let n=new URLSearchParams;e&&n.set(`reason`,e),t&&n.set(`below`,t);let r=n.toString();return`#/review${r?`?${r}`:``}`}function Vt(e){let t=i(`input`,{type:`password`,id:`curation-token`,autocomplete:`off`,"aria-describedby":`curation-help`});t.value=Rt();let n=i(`p`,{class:`muted`,role:`status`,id:`curation-help`}),r=()=>{n.textContent=Rt()?`A token is set for this tab: each mandate offers the curation actions. The server checks the token on each action.`:`Curation actions (reject a mention, add an alias) need the token the server was started with (serve --token).`};r();let a=i(`form`,{class:`curation-form`,"aria-label":`Curation`},i(`label`,{for:`curation-token`},`Curation token`),` `,t,` `,i(`button`,{type:`submit`},`Use token`),` `,i(`button`,{type:`button`,class:`secondary`,"data-forget":``},`Forget`),n);return a.addEventListener(`submit`,n=>{n.preventDefault(),zt(t.value.trim()),r(),e()}),a.querySelector(`[data-forget]`)?.addEventListener(`click`,()=>{t.value=``,zt(``),r(),e()}),a}function Ht(e){if(!Rt())return null;let t=e.mandate,n=i(`div`,{class:`curation-actions`}),r=i(`p`,{class:`action-status`,role:`status`});for(let a of e.lowMentions){let e=i(`button`,{type:`button`,"data-action":`reject`,"data-entity":a.entity.id},`Reject the mention “${a.surface}”`);e.addEventListener(`click`,async()=>{e.disabled=!0;try{await d(Nt,{mandate:t.id,entity:a.entity.id},void 0,Rt()),s(r,`Rejected: this mandate no longer mentions ${a.entity.label}, and stays so when its file is ingested again.`),e.textContent=`Rejected “${a.surface}”`}catch(t){e.disabled=!1,s(r,m(t,`the rejection`))}}),n.append(e)}let a=e.lowMentions[0],o=t.id.replace(/[^a-z0-9]/gi,`-`),l=i(`input`,{type:`text`,id:`alias-entity-${o}`,name:`entity`,size:40}),u=i(`input`,{type:`text`,id:`alias-name-${o}`,name:`alias`,size:30});l.value=a?.entity.id??``,u.value=a?.surface??``;let f=i(`form`,{class:`alias-form`,"data-action":`alias`},i(`label`,{for:l.id},`Entity id`),` `,l,` `,i(`label`,{for:u.id},`answers to`),` `,u,` `,i(`button`,{type:`submit`},`Add alias`));return f.addEventListener(`submit`,async e=>{e.preventDefault();try{let e=(await d(Pt,{entity:l.value.trim(),alias:u.value.trim()},void 0,Rt())).addAlias;s(r,`Added: `,L(e),` answers to “${u.value.trim()}” (${c(e.aliases.length,`name`)} in all).`)}catch(e){s(r,m(e,`the alias`))}}),n.append(f,r),n}function Ut(e){return Ft.find(t=>t.value===e)?.label??e.toLowerCase()}function Wt(e){let t=e.mandate,n=`${t.source.file}:${t.source.line}`;return i(`li`,{class:`review-item`,"data-id":t.id},i(`div`,{class:`result-head`},N(`MANDATE`),` `,z(t)),i(`p`,{class:`review-reasons`},e.reasons.map(e=>i(`span`,{class:`flag`,"data-reason":e},Ut(e))),` `,i(`a`,{class:`source-link`,href:`${M(t.kind,t.id)}`,title:`The mandate as read from this file and line`},i(`code`,null,n)),t.source.heading?i(`span`,{class:`muted`},` · ${t.source.heading}`):null,t.citation?i(`span`,{class:`muted`},` · cites “${t.citation}”`):null),e.lowMentions.length?i(`ul`,{class:`low-mentions`},e.lowMentions.map(e=>i(`li`,null,`“`,e.surface,`” → `,L(e.entity),i(`span`,{class:`muted`},` · ${e.method}, confidence ${R(e.confidence)}`)))):null,Ht(e))}function Gt(e){let t=e.params.get(`reason`)??``,n=Ft.find(e=>e.param===t)??null,r=e.params.get(`below`),a=r===null?NaN:Number(r),o=Number.isFinite(a)&&a>=0&&a<=1?a:null;document.title=`${n?`${n.label}: `:``}Review queue — summitgraph`;let c=i(`ul`,{class:`filter-list review-tabs`}),l=i(`div`,{class:`review-body`}),u=()=>{let t=Te({signal:e.signal,what:`the review queue`,noun:[`mandate to review`,`mandates to review`],pageSize:Lt,listClass:`results review-list`,fetch:async(t,a)=>{let l=(await d(Mt,{reason:n?.value??null,below:o,first:t,after:a},e.signal)).review,u=new Map(l.counts.map(e=>[e.reason,e.count]));return s(c,i(`li`,null,i(`a`,{href:Bt(null,r),"aria-current":n?void 0:`page`},`All`)),Ft.map(e=>i(`li`,null,i(`a`,{href:Bt(e.param,r),title:e.help,"aria-current":n===e?`page`:void 0,"data-reason":e.value},`${e.label} (${(u.get(e.value)??0).toLocaleString(`en`)})`)))),l},render:(e,t)=>t.append(...e.map(Wt))});s(l,t)};s(e.main,i(`h1`,{tabindex:`-1`},`Review queue`),i(`p`,{class:`help`},`Mandates the parser kept but could not establish: no summit, a citation it could not resolve, a text cut off, or a name found with confidence under `,String(o??.75),`. Each links to the file and line it was read from.`),i(`nav`,{"aria-label":`Review reasons`},c),Vt(u),l),u()}function Kt(e){return i(`div`,{class:`unattributed`},Te({signal:e,what:`the mandates with no summit`,noun:[`mandate with no summit`,`mandates with no summit`],pageSize:Lt,listClass:`plain-list mandate-list`,fetch:async(t,n)=>(await d(Mt,{reason:`UNATTRIBUTED`,below:null,first:t,after:n},e)).review,render:(e,t)=>t.append(...e.map(e=>i(`li`,null,z(e.mandate),` `,i(`code`,{class:`muted`},`${e.mandate.source.file}:${e.mandate.source.line}`))))}),i(`p`,null,i(`a`,{href:Bt(`unattributed`)},`Review them`),` (with the curation actions).`))}var qt=x,Jt=[`CONVENTION`,`INSTITUTION`,`THEME`],Yt=500;async function Xt(e,t){let n=[],r=null;for(;;){let i=(await d(qt,{kind:e,first:Yt,after:r},t)).entities;n.push(...i.edges.map(e=>e.node));let a=i.pageInfo.endCursor??i.edges.at(-1)?.cursor??null;if(!i.pageInfo.hasNextPage||!a||i.edges.length===0)return n;r=a}}function Zt(e){let t=e.get(`kind`)??``,n=e.get(`sort`)===`name`?`name`:`mentions`,r=e.get(`dir`);return{kind:j(t)&&Jt.includes(t)?t:`CONVENTION`,sort:n,asc:r?r===`asc`:n===`name`,all:e.get(`all`)===`1`}}function Qt(e){let t=new URLSearchParams({kind:e.kind,sort:e.sort,dir:e.asc?`asc`:`desc`});return e.all&&t.set(`all`,`1`),`#/browse?${t}`}var $t=new Intl.Collator(`en`,{sensitivity:`base`});function en(e,t,n){let r={...t},a=new Map,o=t=>{let n=a.get(t);return n||(n=Xt(t,e),a.set(t,n),n.catch(()=>a.delete(t))),n},s=i(`select`,{id:`browse-kind`},Jt.map(e=>i(`option`,{value:e},`${A[e]}s`)));s.value=r.kind;let l=i(`input`,{type:`checkbox`,id:`browse-all`});l.checked=r.all;let u=i(`a`,{class:`share`,href:Qt(r)},n?`Link to this list`:`Open this list on its own page`),d=i(`div`,{class:`browse-out`}),f=()=>I(d,`the ${A[r.kind]}s`,e,async()=>{let e=await o(r.kind),t=e.filter(e=>e.mentions.totalCount>0),n=(r.all?e:t).slice(),a=r.asc?1:-1;n.sort((e,t)=>r.sort===`name`?a*$t.compare(e.name,t.name):a*(e.mentions.totalCount-t.mentions.totalCount)||$t.compare(e.name,t.name));let s=A[r.kind],l=(e,t,n=``)=>{let a=r.sort===e,o=i(`button`,{type:`button`,class:`sort`,"data-sort":e},t,i(`span`,{"aria-hidden":`true`},a?r.asc?` ▲`:` ▼`:` ↕`));return o.addEventListener(`click`,()=>{r.sort===e?r.asc=!r.asc:(r.sort=e,r.asc=e===`name`),p(),d.querySelector(`button.sort[data-sort="${e}"]`)?.focus()}),i(`th`,{scope:`col`,class:n,"aria-sort":a?r.asc?`ascending`:`descending`:`none`},o)};return[i(`p`,{class:`count`,role:`status`},`${c(t.length,s)} of ${e.length.toLocaleString(`en`)} mentioned in a mandate`,r.all?`; all are listed.`:`; those never mentioned are not listed.`),n.length?i(`div`,{class:`table-wrap`},i(`table`,{class:`browse-table`,"data-kind":r.kind},i(`caption`,{class:`visually-hidden`},`${A[r.kind]}s and their mentions; the column headings sort`),i(`thead`,null,i(`tr`,null,l(`name`,`Name`),i(`th`,{scope:`col`},`Acronym`),l(`mentions`,`Mentions`,`num`))),i(`tbody`,null,n.map(e=>i(`tr`,{"data-id":e.id},i(`td`,null,N(e.kind),` `,L(e,e.name)),i(`td`,null,e.acronym&&e.acronym!==e.name?e.acronym:``),i(`td`,{class:`num`,"data-count":String(e.mentions.totalCount)},e.mentions.totalCount.toLocaleString(`en`))))))):i(`p`,null,`No ${s} is mentioned.`)]}),p=()=>{u.href=Qt(r),n&&history.replaceState(history.state,``,Qt(r)),f()};return s.addEventListener(`change`,()=>{r.kind=s.value,p()}),l.addEventListener(`change`,()=>{r.all=l.checked,p()}),f(),i(`div`,{class:`browser`},i(`div`,{class:`browse-controls`},i(`label`,{for:`browse-kind`},`Show `),s,` `,i(`span`,{class:`check`},l,i(`label`,{for:`browse-all`},` also those never mentioned`)),` `,u),d)}function tn(e){document.title=`Browse — summitgraph`;let t=F(`Entities`,`browse`);t.body.append(en(e.signal,Zt(e.params),!0));let n=F(`Mandates with no summit`,`unattributed-section`);n.body.append(i(`p`,{class:`help`},`Kept and flagged, never guessed: uncited, or their citation names no single known summit, so no summit’s page lists them.`),Kt(e.signal)),s(e.main,i(`header`,{class:`page-head`},i(`h1`,{tabindex:`-1`},`Browse`),i(`p`,{class:`lead`},`Conventions, institutions and themes by how often the mandates mention them. Sort by a column heading.`)),t.el,n.el)}function nn(e,t){return e==null||t==null?NaN:e<t?-1:e>t?1:e>=t?0:NaN}function rn(e,t){return e==null||t==null?NaN:t<e?-1:t>e?1:t>=e?0:NaN}function an(e){let t,n,r;e.length===2?(t=e===nn||e===rn?e:on,n=e,r=e):(t=nn,n=(t,n)=>nn(e(t),n),r=(t,n)=>e(t)-n);function i(e,r,i=0,a=e.length){if(i<a){if(t(r,r)!==0)return a;do{let t=i+a>>>1;n(e[t],r)<0?i=t+1:a=t}while(i<a)}return i}function a(e,r,i=0,a=e.length){if(i<a){if(t(r,r)!==0)return a;do{let t=i+a>>>1;n(e[t],r)<=0?i=t+1:a=t}while(i<a)}return i}function o(e,t,n=0,a=e.length){let o=i(e,t,n,a-1);return o>n&&r(e[o-1],t)>-r(e[o],t)?o-1:o}return{left:i,center:o,right:a}}function on(){return 0}function sn(e){return e===null?NaN:+e}var cn=an(nn),ln=cn.right;cn.left,an(sn).center;var un=class extends Map{constructor(e,t=mn){if(super(),Object.defineProperties(this,{_intern:{value:new Map},_key:{value:t}}),e!=null)for(let[t,n]of e)this.set(t,n)}get(e){return super.get(dn(this,e))}has(e){return super.has(dn(this,e))}set(e,t){return super.set(fn(this,e),t)}delete(e){return super.delete(pn(this,e))}};function dn({_intern:e,_key:t},n){let r=t(n);return e.has(r)?e.get(r):n}function fn({_intern:e,_key:t},n){let r=t(n);return e.has(r)?e.get(r):(e.set(r,n),n)}function pn({_intern:e,_key:t},n){let r=t(n);return e.has(r)&&(n=e.get(r),e.delete(r)),n}function mn(e){return typeof e==`object`&&e?e.valueOf():e}Array.prototype.slice;var hn=Math.sqrt(50),gn=Math.sqrt(10),_n=Math.sqrt(2);function vn(e,t,n){let r=(t-e)/Math.max(0,n),i=Math.floor(Math.log10(r)),a=r/10**i,o=a>=hn?10:a>=gn?5:a>=_n?2:1,s,c,l;return i<0?(l=10**-i/o,s=Math.round(e*l),c=Math.round(t*l),s/l<e&&++s,c/l>t&&--c,l=-l):(l=10**i*o,s=Math.round(e/l),c=Math.round(t/l),s*l<e&&++s,c*l>t&&--c),c<s&&.5<=n&&n<2?vn(e,t,n*2):[s,c,l]}function yn(e,t,n){if(t=+t,e=+e,n=+n,!(n>0))return[];if(e===t)return[e];let r=t<e,[i,a,o]=r?vn(t,e,n):vn(e,t,n);if(!(a>=i))return[];let s=a-i+1,c=Array(s);if(r){if(o<0)for(let e=0;e<s;++e)c[e]=(a-e)/-o;else for(let e=0;e<s;++e)c[e]=(a-e)*o}else if(o<0)for(let e=0;e<s;++e)c[e]=(i+e)/-o;else for(let e=0;e<s;++e)c[e]=(i+e)*o;return c}function bn(e,t,n){return t=+t,e=+e,n=+n,vn(e,t,n)[2]}function xn(e,t,n){t=+t,e=+e,n=+n;let r=t<e,i=r?bn(t,e,n):bn(e,t,n);return(r?-1:1)*(i<0?1/-i:i)}function Sn(e,t,n){e=+e,t=+t,n=(i=arguments.length)<2?(t=e,e=0,1):i<3?1:+n;for(var r=-1,i=Math.max(0,Math.ceil((t-e)/n))|0,a=Array(i);++r<i;)a[r]=e+r*n;return a}function Cn(e,t,n){e.prototype=t.prototype=n,n.constructor=e}function wn(e,t){var n=Object.create(e.prototype);for(var r in t)n[r]=t[r];return n}function B(){}var V=.7,Tn=1/V,En=`\\s*([+-]?\\d+)\\s*`,Dn=`\\s*([+-]?(?:\\d*\\.)?\\d+(?:[eE][+-]?\\d+)?)\\s*`,H=`\\s*([+-]?(?:\\d*\\.)?\\d+(?:[eE][+-]?\\d+)?)%\\s*`,On=/^#([0-9a-f]{3,8})$/,kn=RegExp(`^rgb\\(${En},${En},${En}\\)$`),An=RegExp(`^rgb\\(${H},${H},${H}\\)$`),jn=RegExp(`^rgba\\(${En},${En},${En},${Dn}\\)$`),Mn=RegExp(`^rgba\\(${H},${H},${H},${Dn}\\)$`),Nn=RegExp(`^hsl\\(${Dn},${H},${H}\\)$`),Pn=RegExp(`^hsla\\(${Dn},${H},${H},${Dn}\\)$`),Fn={aliceblue:15792383,antiquewhite:16444375,aqua:65535,aquamarine:8388564,azure:15794175,beige:16119260,bisque:16770244,black:0,blanchedalmond:16772045,blue:255,blueviolet:9055202,brown:10824234,burlywood:14596231,cadetblue:6266528,chartreuse:8388352,chocolate:13789470,coral:16744272,cornflowerblue:6591981,cornsilk:16775388,crimson:14423100,cyan:65535,darkblue:139,darkcyan:35723,darkgoldenrod:12092939,darkgray:11119017,darkgreen:25600,darkgrey:11119017,darkkhaki:12433259,darkmagenta:9109643,darkolivegreen:5597999,darkorange:16747520,darkorchid:10040012,darkred:9109504,darksalmon:15308410,darkseagreen:9419919,darkslateblue:4734347,darkslategray:3100495,darkslategrey:3100495,darkturquoise:52945,darkviolet:9699539,deeppink:16716947,deepskyblue:49151,dimgray:6908265,dimgrey:6908265,dodgerblue:2003199,firebrick:11674146,floralwhite:16775920,forestgreen:2263842,fuchsia:16711935,gainsboro:14474460,ghostwhite:16316671,gold:16766720,goldenrod:14329120,gray:8421504,green:32768,greenyellow:11403055,grey:8421504,honeydew:15794160,hotpink:16738740,indianred:13458524,indigo:4915330,ivory:16777200,khaki:15787660,lavender:15132410,lavenderblush:16773365,lawngreen:8190976,lemonchiffon:16775885,lightblue:11393254,lightcoral:15761536,lightcyan:14745599,lightgoldenrodyellow:16448210,lightgray:13882323,lightgreen:9498256,lightgrey:13882323,lightpink:16758465,lightsalmon:16752762,lightseagreen:2142890,lightskyblue:8900346,lightslategray:7833753,lightslategrey:7833753,lightsteelblue:11584734,lightyellow:16777184,lime:65280,limegreen:3329330,linen:16445670,magenta:16711935,maroon:8388608,mediumaquamarine:6737322,mediumblue:205,mediumorchid:12211667,mediumpurple:9662683,mediumseagreen:3978097,mediumslateblue:8087790,mediumspringgreen:64154,mediumturquoise:4772300,mediumvioletred:13047173,midnightblue:1644912,mintcream:16121850,mistyrose:16770273,moccasin:16770229,navajowhite:16768685,navy:128,oldlace:16643558,olive:8421376,olivedrab:7048739,orange:16753920,orangered:16729344,orchid:14315734,palegoldenrod:15657130,palegreen:10025880,paleturquoise:11529966,palevioletred:14381203,papayawhip:16773077,peachpuff:16767673,peru:13468991,pink:16761035,plum:14524637,powderblue:11591910,purple:8388736,rebeccapurple:6697881,red:16711680,rosybrown:12357519,royalblue:4286945,saddlebrown:9127187,salmon:16416882,sandybrown:16032864,seagreen:3050327,seashell:16774638,sienna:10506797,silver:12632256,skyblue:8900331,slateblue:6970061,slategray:7372944,slategrey:7372944,snow:16775930,springgreen:65407,steelblue:4620980,tan:13808780,teal:32896,thistle:14204888,tomato:16737095,turquoise:4251856,violet:15631086,wheat:16113331,white:16777215,whitesmoke:16119285,yellow:16776960,yellowgreen:10145074};Cn(B,Bn,{copy(e){return Object.assign(new this.constructor,this,e)},displayable(){return this.rgb().displayable()},hex:In,formatHex:In,formatHex8:Ln,formatHsl:Rn,formatRgb:zn,toString:zn});function In(){return this.rgb().formatHex()}function Ln(){return this.rgb().formatHex8()}function Rn(){return Xn(this).formatHsl()}function zn(){return this.rgb().formatRgb()}function Bn(e){var t,n;return e=(e+``).trim().toLowerCase(),(t=On.exec(e))?(n=t[1].length,t=parseInt(t[1],16),n===6?Vn(t):n===3?new U(t>>8&15|t>>4&240,t>>4&15|t&240,(t&15)<<4|t&15,1):n===8?Hn(t>>24&255,t>>16&255,t>>8&255,(t&255)/255):n===4?Hn(t>>12&15|t>>8&240,t>>8&15|t>>4&240,t>>4&15|t&240,((t&15)<<4|t&15)/255):null):(t=kn.exec(e))?new U(t[1],t[2],t[3],1):(t=An.exec(e))?new U(t[1]*255/100,t[2]*255/100,t[3]*255/100,1):(t=jn.exec(e))?Hn(t[1],t[2],t[3],t[4]):(t=Mn.exec(e))?Hn(t[1]*255/100,t[2]*255/100,t[3]*255/100,t[4]):(t=Nn.exec(e))?Yn(t[1],t[2]/100,t[3]/100,1):(t=Pn.exec(e))?Yn(t[1],t[2]/100,t[3]/100,t[4]):Fn.hasOwnProperty(e)?Vn(Fn[e]):e===`transparent`?new U(NaN,NaN,NaN,0):null}function Vn(e){return new U(e>>16&255,e>>8&255,e&255,1)}function Hn(e,t,n,r){return r<=0&&(e=t=n=NaN),new U(e,t,n,r)}function Un(e){return e instanceof B||(e=Bn(e)),e?(e=e.rgb(),new U(e.r,e.g,e.b,e.opacity)):new U}function Wn(e,t,n,r){return arguments.length===1?Un(e):new U(e,t,n,r??1)}function U(e,t,n,r){this.r=+e,this.g=+t,this.b=+n,this.opacity=+r}Cn(U,Wn,wn(B,{brighter(e){return e=e==null?Tn:Tn**+e,new U(this.r*e,this.g*e,this.b*e,this.opacity)},darker(e){return e=e==null?V:V**+e,new U(this.r*e,this.g*e,this.b*e,this.opacity)},rgb(){return this},clamp(){return new U(W(this.r),W(this.g),W(this.b),Jn(this.opacity))},displayable(){return-.5<=this.r&&this.r<255.5&&-.5<=this.g&&this.g<255.5&&-.5<=this.b&&this.b<255.5&&0<=this.opacity&&this.opacity<=1},hex:Gn,formatHex:Gn,formatHex8:Kn,formatRgb:qn,toString:qn}));function Gn(){return`#${G(this.r)}${G(this.g)}${G(this.b)}`}function Kn(){return`#${G(this.r)}${G(this.g)}${G(this.b)}${G((isNaN(this.opacity)?1:this.opacity)*255)}`}function qn(){let e=Jn(this.opacity);return`${e===1?`rgb(`:`rgba(`}${W(this.r)}, ${W(this.g)}, ${W(this.b)}${e===1?`)`:`, ${e})`}`}function Jn(e){return isNaN(e)?1:Math.max(0,Math.min(1,e))}function W(e){return Math.max(0,Math.min(255,Math.round(e)||0))}function G(e){return e=W(e),(e<16?`0`:``)+e.toString(16)}function Yn(e,t,n,r){return r<=0?e=t=n=NaN:n<=0||n>=1?e=t=NaN:t<=0&&(e=NaN),new K(e,t,n,r)}function Xn(e){if(e instanceof K)return new K(e.h,e.s,e.l,e.opacity);if(e instanceof B||(e=Bn(e)),!e)return new K;if(e instanceof K)return e;e=e.rgb();var t=e.r/255,n=e.g/255,r=e.b/255,i=Math.min(t,n,r),a=Math.max(t,n,r),o=NaN,s=a-i,c=(a+i)/2;return s?(o=t===a?(n-r)/s+(n<r)*6:n===a?(r-t)/s+2:(t-n)/s+4,s/=c<.5?a+i:2-a-i,o*=60):s=c>0&&c<1?0:o,new K(o,s,c,e.opacity)}function Zn(e,t,n,r){return arguments.length===1?Xn(e):new K(e,t,n,r??1)}function K(e,t,n,r){this.h=+e,this.s=+t,this.l=+n,this.opacity=+r}Cn(K,Zn,wn(B,{brighter(e){return e=e==null?Tn:Tn**+e,new K(this.h,this.s,this.l*e,this.opacity)},darker(e){return e=e==null?V:V**+e,new K(this.h,this.s,this.l*e,this.opacity)},rgb(){var e=this.h%360+(this.h<0)*360,t=isNaN(e)||isNaN(this.s)?0:this.s,n=this.l,r=n+(n<.5?n:1-n)*t,i=2*n-r;return new U(er(e>=240?e-240:e+120,i,r),er(e,i,r),er(e<120?e+240:e-120,i,r),this.opacity)},clamp(){return new K(Qn(this.h),$n(this.s),$n(this.l),Jn(this.opacity))},displayable(){return(0<=this.s&&this.s<=1||isNaN(this.s))&&0<=this.l&&this.l<=1&&0<=this.opacity&&this.opacity<=1},formatHsl(){let e=Jn(this.opacity);return`${e===1?`hsl(`:`hsla(`}${Qn(this.h)}, ${$n(this.s)*100}%, ${$n(this.l)*100}%${e===1?`)`:`, ${e})`}`}}));function Qn(e){return e=(e||0)%360,e<0?e+360:e}function $n(e){return Math.max(0,Math.min(1,e||0))}function er(e,t,n){return(e<60?t+(n-t)*e/60:e<180?n:e<240?t+(n-t)*(240-e)/60:t)*255}var tr=Math.PI/180,nr=180/Math.PI,rr=18,ir=.96422,ar=1,or=.82521,sr=4/29,cr=6/29,lr=3*cr*cr,ur=cr*cr*cr;function dr(e){if(e instanceof q)return new q(e.l,e.a,e.b,e.opacity);if(e instanceof J)return yr(e);e instanceof U||(e=Un(e));var t=gr(e.r),n=gr(e.g),r=gr(e.b),i=pr((.2225045*t+.7168786*n+.0606169*r)/ar),a,o;return t===n&&n===r?a=o=i:(a=pr((.4360747*t+.3850649*n+.1430804*r)/ir),o=pr((.0139322*t+.0971045*n+.7141733*r)/or)),new q(116*i-16,500*(a-i),200*(i-o),e.opacity)}function fr(e,t,n,r){return arguments.length===1?dr(e):new q(e,t,n,r??1)}function q(e,t,n,r){this.l=+e,this.a=+t,this.b=+n,this.opacity=+r}Cn(q,fr,wn(B,{brighter(e){return new q(this.l+rr*(e??1),this.a,this.b,this.opacity)},darker(e){return new q(this.l-rr*(e??1),this.a,this.b,this.opacity)},rgb(){var e=(this.l+16)/116,t=isNaN(this.a)?e:e+this.a/500,n=isNaN(this.b)?e:e-this.b/200;return t=ir*mr(t),e=ar*mr(e),n=or*mr(n),new U(hr(3.1338561*t-1.6168667*e-.4906146*n),hr(-.9787684*t+1.9161415*e+.033454*n),hr(.0719453*t-.2289914*e+1.4052427*n),this.opacity)}}));function pr(e){return e>ur?e**(1/3):e/lr+sr}function mr(e){return e>cr?e*e*e:lr*(e-sr)}function hr(e){return 255*(e<=.0031308?12.92*e:1.055*e**(1/2.4)-.055)}function gr(e){return(e/=255)<=.04045?e/12.92:((e+.055)/1.055)**2.4}function _r(e){if(e instanceof J)return new J(e.h,e.c,e.l,e.opacity);if(e instanceof q||(e=dr(e)),e.a===0&&e.b===0)return new J(NaN,0<e.l&&e.l<100?0:NaN,e.l,e.opacity);var t=Math.atan2(e.b,e.a)*nr;return new J(t<0?t+360:t,Math.sqrt(e.a*e.a+e.b*e.b),e.l,e.opacity)}function vr(e,t,n,r){return arguments.length===1?_r(e):new J(e,t,n,r??1)}function J(e,t,n,r){this.h=+e,this.c=+t,this.l=+n,this.opacity=+r}function yr(e){if(isNaN(e.h))return new q(e.l,0,0,e.opacity);var t=e.h*tr;return new q(e.l,Math.cos(t)*e.c,Math.sin(t)*e.c,e.opacity)}Cn(J,vr,wn(B,{brighter(e){return new J(this.h,this.c,this.l+rr*(e??1),this.opacity)},darker(e){return new J(this.h,this.c,this.l-rr*(e??1),this.opacity)},rgb(){return yr(this).rgb()}}));var br=-.14861,xr=1.78277,Sr=-.29227,Cr=-.90649,wr=1.97294,Tr=wr*Cr,Er=wr*xr,Dr=xr*Sr-Cr*br;function Or(e){if(e instanceof kr)return new kr(e.h,e.s,e.l,e.opacity);e instanceof U||(e=Un(e));var t=e.r/255,n=e.g/255,r=e.b/255,i=(Dr*r+Tr*t-Er*n)/(Dr+Tr-Er),a=r-i,o=(wr*(n-i)-Sr*a)/Cr,s=Math.sqrt(o*o+a*a)/(wr*i*(1-i)),c=s?Math.atan2(o,a)*nr-120:NaN;return new kr(c<0?c+360:c,s,i,e.opacity)}function Y(e,t,n,r){return arguments.length===1?Or(e):new kr(e,t,n,r??1)}function kr(e,t,n,r){this.h=+e,this.s=+t,this.l=+n,this.opacity=+r}Cn(kr,Y,wn(B,{brighter(e){return e=e==null?Tn:Tn**+e,new kr(this.h,this.s,this.l*e,this.opacity)},darker(e){return e=e==null?V:V**+e,new kr(this.h,this.s,this.l*e,this.opacity)},rgb(){var e=isNaN(this.h)?0:(this.h+120)*tr,t=+this.l,n=isNaN(this.s)?0:this.s*t*(1-t),r=Math.cos(e),i=Math.sin(e);return new U(255*(t+n*(br*r+xr*i)),255*(t+n*(Sr*r+Cr*i)),255*(t+wr*r*n),this.opacity)}}));function Ar(e,t,n,r,i){var a=e*e,o=a*e;return((1-3*e+3*a-o)*t+(4-6*a+3*o)*n+(1+3*e+3*a-3*o)*r+o*i)/6}function jr(e){var t=e.length-1;return function(n){var r=n<=0?n=0:n>=1?(n=1,t-1):Math.floor(n*t),i=e[r],a=e[r+1],o=r>0?e[r-1]:2*i-a,s=r<t-1?e[r+2]:2*a-i;return Ar((n-r/t)*t,o,i,a,s)}}var Mr=e=>()=>e;function Nr(e,t){return function(n){return e+n*t}}function Pr(e,t,n){return e**=+n,t=t**+n-e,n=1/n,function(r){return(e+r*t)**+n}}function Fr(e,t){var n=t-e;return n?Nr(e,n>180||n<-180?n-360*Math.round(n/360):n):Mr(isNaN(e)?t:e)}function Ir(e){return(e=+e)==1?Lr:function(t,n){return n-t?Pr(t,n,e):Mr(isNaN(t)?n:t)}}function Lr(e,t){var n=t-e;return n?Nr(e,n):Mr(isNaN(e)?t:e)}var Rr=(function e(t){var n=Ir(t);function r(e,t){var r=n((e=Wn(e)).r,(t=Wn(t)).r),i=n(e.g,t.g),a=n(e.b,t.b),o=Lr(e.opacity,t.opacity);return function(t){return e.r=r(t),e.g=i(t),e.b=a(t),e.opacity=o(t),e+``}}return r.gamma=e,r})(1);function zr(e){return function(t){for(var n=t.length,r=Array(n),i=Array(n),a=Array(n),o=0,s;o<n;++o)s=Wn(t[o]),r[o]=s.r||0,i[o]=s.g||0,a[o]=s.b||0;return r=e(r),i=e(i),a=e(a),s.opacity=1,function(e){return s.r=r(e),s.g=i(e),s.b=a(e),s+``}}}var Br=zr(jr);function Vr(e,t){t||=[];var n=e?Math.min(t.length,e.length):0,r=t.slice(),i;return function(a){for(i=0;i<n;++i)r[i]=e[i]*(1-a)+t[i]*a;return r}}function Hr(e){return ArrayBuffer.isView(e)&&!(e instanceof DataView)}function Ur(e,t){for(var n=t?t.length:0,r=e?Math.min(n,e.length):0,i=Array(r),a=Array(n),o=0;o<r;++o)i[o]=Qr(e[o],t[o]);for(;o<n;++o)a[o]=t[o];return function(e){for(o=0;o<r;++o)a[o]=i[o](e);return a}}function Wr(e,t){var n=new Date;return e=+e,t=+t,function(r){return n.setTime(e*(1-r)+t*r),n}}function Gr(e,t){return e=+e,t=+t,function(n){return e*(1-n)+t*n}}function Kr(e,t){var n={},r={},i;for(i in typeof e==`object`&&e||(e={}),typeof t==`object`&&t||(t={}),t)i in e?n[i]=Qr(e[i],t[i]):r[i]=t[i];return function(e){for(i in n)r[i]=n[i](e);return r}}var qr=/[-+]?(?:\d+\.?\d*|\.?\d+)(?:[eE][-+]?\d+)?/g,Jr=new RegExp(qr.source,`g`);function Yr(e){return function(){return e}}function Xr(e){return function(t){return e(t)+``}}function Zr(e,t){var n=qr.lastIndex=Jr.lastIndex=0,r,i,a,o=-1,s=[],c=[];for(e+=``,t+=``;(r=qr.exec(e))&&(i=Jr.exec(t));)(a=i.index)>n&&(a=t.slice(n,a),s[o]?s[o]+=a:s[++o]=a),(r=r[0])===(i=i[0])?s[o]?s[o]+=i:s[++o]=i:(s[++o]=null,c.push({i:o,x:Gr(r,i)})),n=Jr.lastIndex;return n<t.length&&(a=t.slice(n),s[o]?s[o]+=a:s[++o]=a),s.length<2?c[0]?Xr(c[0].x):Yr(t):(t=c.length,function(e){for(var n=0,r;n<t;++n)s[(r=c[n]).i]=r.x(e);return s.join(``)})}function Qr(e,t){var n=typeof t,r;return t==null||n===`boolean`?Mr(t):(n===`number`?Gr:n===`string`?(r=Bn(t))?(t=r,Rr):Zr:t instanceof Bn?Rr:t instanceof Date?Wr:Hr(t)?Vr:Array.isArray(t)?Ur:typeof t.valueOf!=`function`&&typeof t.toString!=`function`||isNaN(t)?Kr:Gr)(e,t)}function $r(e,t){return e=+e,t=+t,function(n){return Math.round(e*(1-n)+t*n)}}var ei=1e-12;function ti(e){return((e=Math.exp(e))+1/e)/2}function ni(e){return((e=Math.exp(e))-1/e)/2}function ri(e){return((e=Math.exp(2*e))-1)/(e+1)}(function e(t,n,r){function i(e,i){var a=e[0],o=e[1],s=e[2],c=i[0],l=i[1],u=i[2],d=c-a,f=l-o,p=d*d+f*f,m,h;if(p<ei)h=Math.log(u/s)/t,m=function(e){return[a+e*d,o+e*f,s*Math.exp(t*e*h)]};else{var g=Math.sqrt(p),_=(u*u-s*s+r*p)/(2*s*n*g),v=(u*u-s*s-r*p)/(2*u*n*g),y=Math.log(Math.sqrt(_*_+1)-_);h=(Math.log(Math.sqrt(v*v+1)-v)-y)/t,m=function(e){var r=e*h,i=ti(y),c=s/(n*g)*(i*ri(t*r+y)-ni(y));return[a+c*d,o+c*f,s*i/ti(t*r+y)]}}return m.duration=Math.abs(h)*1e3*t/Math.SQRT2,m}return i.rho=function(t){var n=Math.max(.001,+t),r=n*n;return e(n,r,r*r)},i})(Math.SQRT2,2,4);function ii(e){return(function t(n){n=+n;function r(t,r){var i=e((t=Y(t)).h,(r=Y(r)).h),a=Lr(t.s,r.s),o=Lr(t.l,r.l),s=Lr(t.opacity,r.opacity);return function(e){return t.h=i(e),t.s=a(e),t.l=o(e**+n),t.opacity=s(e),t+``}}return r.gamma=t,r})(1)}ii(Fr);var ai=ii(Lr);function oi(e){return Math.abs(e=Math.round(e))>=1e21?e.toLocaleString(`en`).replace(/,/g,``):e.toString(10)}function si(e,t){if(!isFinite(e)||e===0)return null;var n=(e=t?e.toExponential(t-1):e.toExponential()).indexOf(`e`),r=e.slice(0,n);return[r.length>1?r[0]+r.slice(2):r,+e.slice(n+1)]}function ci(e){return e=si(Math.abs(e)),e?e[1]:NaN}function li(e,t){return function(n,r){for(var i=n.length,a=[],o=0,s=e[0],c=0;i>0&&s>0&&(c+s+1>r&&(s=Math.max(1,r-c)),a.push(n.substring(i-=s,i+s)),!((c+=s+1)>r));)s=e[o=(o+1)%e.length];return a.reverse().join(t)}}function ui(e){return function(t){return t.replace(/[0-9]/g,function(t){return e[+t]})}}var di=/^(?:(.)?([<>=^]))?([+\-( ])?([$#])?(0)?(\d+)?(,)?(\.\d+)?(~)?([a-z%])?$/i;function fi(e){if(!(t=di.exec(e)))throw Error(`invalid format: `+e);var t;return new pi({fill:t[1],align:t[2],sign:t[3],symbol:t[4],zero:t[5],width:t[6],comma:t[7],precision:t[8]&&t[8].slice(1),trim:t[9],type:t[10]})}fi.prototype=pi.prototype;function pi(e){this.fill=e.fill===void 0?` `:e.fill+``,this.align=e.align===void 0?`>`:e.align+``,this.sign=e.sign===void 0?`-`:e.sign+``,this.symbol=e.symbol===void 0?``:e.symbol+``,this.zero=!!e.zero,this.width=e.width===void 0?void 0:+e.width,this.comma=!!e.comma,this.precision=e.precision===void 0?void 0:+e.precision,this.trim=!!e.trim,this.type=e.type===void 0?``:e.type+``}pi.prototype.toString=function(){return this.fill+this.align+this.sign+this.symbol+(this.zero?`0`:``)+(this.width===void 0?``:Math.max(1,this.width|0))+(this.comma?`,`:``)+(this.precision===void 0?``:`.`+Math.max(0,this.precision|0))+(this.trim?`~`:``)+this.type};function mi(e){out:for(var t=e.length,n=1,r=-1,i;n<t;++n)switch(e[n]){case`.`:r=i=n;break;case`0`:r===0&&(r=n),i=n;break;default:if(!+e[n])break out;r>0&&(r=0)}return r>0?e.slice(0,r)+e.slice(i+1):e}var hi;function gi(e,t){var n=si(e,t);if(!n)return hi=void 0,e.toPrecision(t);var r=n[0],i=n[1],a=i-(hi=Math.max(-8,Math.min(8,Math.floor(i/3)))*3)+1,o=r.length;return a===o?r:a>o?r+Array(a-o+1).join(`0`):a>0?r.slice(0,a)+`.`+r.slice(a):`0.`+Array(1-a).join(`0`)+si(e,Math.max(0,t+a-1))[0]}function _i(e,t){var n=si(e,t);if(!n)return e+``;var r=n[0],i=n[1];return i<0?`0.`+Array(-i).join(`0`)+r:r.length>i+1?r.slice(0,i+1)+`.`+r.slice(i+1):r+Array(i-r.length+2).join(`0`)}var vi={"%":(e,t)=>(e*100).toFixed(t),b:e=>Math.round(e).toString(2),c:e=>e+``,d:oi,e:(e,t)=>e.toExponential(t),f:(e,t)=>e.toFixed(t),g:(e,t)=>e.toPrecision(t),o:e=>Math.round(e).toString(8),p:(e,t)=>_i(e*100,t),r:_i,s:gi,X:e=>Math.round(e).toString(16).toUpperCase(),x:e=>Math.round(e).toString(16)};function yi(e){return e}var bi=Array.prototype.map,xi=[`y`,`z`,`a`,`f`,`p`,`n`,`µ`,`m`,``,`k`,`M`,`G`,`T`,`P`,`E`,`Z`,`Y`];function Si(e){var t=e.grouping===void 0||e.thousands===void 0?yi:li(bi.call(e.grouping,Number),e.thousands+``),n=e.currency===void 0?``:e.currency[0]+``,r=e.currency===void 0?``:e.currency[1]+``,i=e.decimal===void 0?`.`:e.decimal+``,a=e.numerals===void 0?yi:ui(bi.call(e.numerals,String)),o=e.percent===void 0?`%`:e.percent+``,s=e.minus===void 0?`−`:e.minus+``,c=e.nan===void 0?`NaN`:e.nan+``;function l(e,l){e=fi(e);var u=e.fill,d=e.align,f=e.sign,p=e.symbol,m=e.zero,h=e.width,g=e.comma,_=e.precision,v=e.trim,y=e.type;y===`n`?(g=!0,y=`g`):vi[y]||(_===void 0&&(_=12),v=!0,y=`g`),(m||u===`0`&&d===`=`)&&(m=!0,u=`0`,d=`=`);var b=(l&&l.prefix!==void 0?l.prefix:``)+(p===`$`?n:p===`#`&&/[boxX]/.test(y)?`0`+y.toLowerCase():``),x=(p===`$`?r:/[%p]/.test(y)?o:``)+(l&&l.suffix!==void 0?l.suffix:``),S=vi[y],C=/[defgprs%]/.test(y);_=_===void 0?6:/[gprs]/.test(y)?Math.max(1,Math.min(21,_)):Math.max(0,Math.min(20,_));function w(e){var n=b,r=x,o,l,p;if(y===`c`)r=S(e)+r,e=``;else{e=+e;var w=e<0||1/e<0;if(e=isNaN(e)?c:S(Math.abs(e),_),v&&(e=mi(e)),w&&+e==0&&f!==`+`&&(w=!1),n=(w?f===`(`?f:s:f===`-`||f===`(`?``:f)+n,r=(y===`s`&&!isNaN(e)&&hi!==void 0?xi[8+hi/3]:``)+r+(w&&f===`(`?`)`:``),C){for(o=-1,l=e.length;++o<l;)if(p=e.charCodeAt(o),48>p||p>57){r=(p===46?i+e.slice(o+1):e.slice(o))+r,e=e.slice(0,o);break}}}g&&!m&&(e=t(e,1/0));var T=n.length+e.length+r.length,E=T<h?Array(h-T+1).join(u):``;switch(g&&m&&(e=t(E+e,E.length?h-r.length:1/0),E=``),d){case`<`:e=n+e+r+E;break;case`=`:e=n+E+e+r;break;case`^`:e=E.slice(0,T=E.length>>1)+n+e+r+E.slice(T);break;default:e=E+n+e+r}return a(e)}return w.toString=function(){return e+``},w}function u(e,t){var n=Math.max(-8,Math.min(8,Math.floor(ci(t)/3)))*3,r=10**-n,i=l((e=fi(e),e.type=`f`,e),{suffix:xi[8+n/3]});return function(e){return i(r*e)}}return{format:l,formatPrefix:u}}var Ci,wi,Ti;Ei({thousands:`,`,grouping:[3],currency:[`$`,``]});function Ei(e){return Ci=Si(e),wi=Ci.format,Ti=Ci.formatPrefix,Ci}function Di(e){return Math.max(0,-ci(Math.abs(e)))}function Oi(e,t){return Math.max(0,Math.max(-8,Math.min(8,Math.floor(ci(t)/3)))*3-ci(Math.abs(e)))}function ki(e,t){return e=Math.abs(e),t=Math.abs(t)-e,Math.max(0,ci(t)-ci(e))+1}function Ai(e,t){switch(arguments.length){case 0:break;case 1:this.range(e);break;default:this.range(t).domain(e)}return this}function ji(e,t){switch(arguments.length){case 0:break;case 1:typeof e==`function`?this.interpolator(e):this.range(e);break;default:this.domain(e),typeof t==`function`?this.interpolator(t):this.range(t)}return this}var Mi=Symbol(`implicit`);function Ni(){var e=new un,t=[],n=[],r=Mi;function i(i){let a=e.get(i);if(a===void 0){if(r!==Mi)return r;e.set(i,a=t.push(i)-1)}return n[a%n.length]}return i.domain=function(n){if(!arguments.length)return t.slice();t=[],e=new un;for(let r of n)e.has(r)||e.set(r,t.push(r)-1);return i},i.range=function(e){return arguments.length?(n=Array.from(e),i):n.slice()},i.unknown=function(e){return arguments.length?(r=e,i):r},i.copy=function(){return Ni(t,n).unknown(r)},Ai.apply(i,arguments),i}function Pi(){var e=Ni().unknown(void 0),t=e.domain,n=e.range,r=0,i=1,a,o,s=!1,c=0,l=0,u=.5;delete e.unknown;function d(){var e=t().length,d=i<r,f=d?i:r,p=d?r:i;a=(p-f)/Math.max(1,e-c+l*2),s&&(a=Math.floor(a)),f+=(p-f-a*(e-c))*u,o=a*(1-c),s&&(f=Math.round(f),o=Math.round(o));var m=Sn(e).map(function(e){return f+a*e});return n(d?m.reverse():m)}return e.domain=function(e){return arguments.length?(t(e),d()):t()},e.range=function(e){return arguments.length?([r,i]=e,r=+r,i=+i,d()):[r,i]},e.rangeRound=function(e){return[r,i]=e,r=+r,i=+i,s=!0,d()},e.bandwidth=function(){return o},e.step=function(){return a},e.round=function(e){return arguments.length?(s=!!e,d()):s},e.padding=function(e){return arguments.length?(c=Math.min(1,l=+e),d()):c},e.paddingInner=function(e){return arguments.length?(c=Math.min(1,e),d()):c},e.paddingOuter=function(e){return arguments.length?(l=+e,d()):l},e.align=function(e){return arguments.length?(u=Math.max(0,Math.min(1,e)),d()):u},e.copy=function(){return Pi(t(),[r,i]).round(s).paddingInner(c).paddingOuter(l).align(u)},Ai.apply(d(),arguments)}function Fi(e){return function(){return e}}function Ii(e){return+e}var Li=[0,1];function X(e){return e}function Ri(e,t){return(t-=e=+e)?function(n){return(n-e)/t}:Fi(isNaN(t)?NaN:.5)}function zi(e,t){var n;return e>t&&(n=e,e=t,t=n),function(n){return Math.max(e,Math.min(t,n))}}function Bi(e,t,n){var r=e[0],i=e[1],a=t[0],o=t[1];return i<r?(r=Ri(i,r),a=n(o,a)):(r=Ri(r,i),a=n(a,o)),function(e){return a(r(e))}}function Vi(e,t,n){var r=Math.min(e.length,t.length)-1,i=Array(r),a=Array(r),o=-1;for(e[r]<e[0]&&(e=e.slice().reverse(),t=t.slice().reverse());++o<r;)i[o]=Ri(e[o],e[o+1]),a[o]=n(t[o],t[o+1]);return function(t){var n=ln(e,t,1,r)-1;return a[n](i[n](t))}}function Hi(e,t){return t.domain(e.domain()).range(e.range()).interpolate(e.interpolate()).clamp(e.clamp()).unknown(e.unknown())}function Ui(){var e=Li,t=Li,n=Qr,r,i,a,o=X,s,c,l;function u(){var n=Math.min(e.length,t.length);return o!==X&&(o=zi(e[0],e[n-1])),s=n>2?Vi:Bi,c=l=null,d}function d(i){return i==null||isNaN(i=+i)?a:(c||=s(e.map(r),t,n))(r(o(i)))}return d.invert=function(n){return o(i((l||=s(t,e.map(r),Gr))(n)))},d.domain=function(t){return arguments.length?(e=Array.from(t,Ii),u()):e.slice()},d.range=function(e){return arguments.length?(t=Array.from(e),u()):t.slice()},d.rangeRound=function(e){return t=Array.from(e),n=$r,u()},d.clamp=function(e){return arguments.length?(o=e?!0:X,u()):o!==X},d.interpolate=function(e){return arguments.length?(n=e,u()):n},d.unknown=function(e){return arguments.length?(a=e,d):a},function(e,t){return r=e,i=t,u()}}function Wi(){return Ui()(X,X)}function Gi(e,t,n,r){var i=xn(e,t,n),a;switch(r=fi(r??`,f`),r.type){case`s`:var o=Math.max(Math.abs(e),Math.abs(t));return r.precision==null&&!isNaN(a=Oi(i,o))&&(r.precision=a),Ti(r,o);case``:case`e`:case`g`:case`p`:case`r`:r.precision==null&&!isNaN(a=ki(i,Math.max(Math.abs(e),Math.abs(t))))&&(r.precision=a-(r.type===`e`));break;case`f`:case`%`:r.precision==null&&!isNaN(a=Di(i))&&(r.precision=a-(r.type===`%`)*2)}return wi(r)}function Ki(e){var t=e.domain;return e.ticks=function(e){var n=t();return yn(n[0],n[n.length-1],e??10)},e.tickFormat=function(e,n){var r=t();return Gi(r[0],r[r.length-1],e??10,n)},e.nice=function(n){n??=10;var r=t(),i=0,a=r.length-1,o=r[i],s=r[a],c,l,u=10;for(s<o&&(l=o,o=s,s=l,l=i,i=a,a=l);u-->0;){if(l=bn(o,s,n),l===c)return r[i]=o,r[a]=s,t(r);if(l>0)o=Math.floor(o/l)*l,s=Math.ceil(s/l)*l;else if(l<0)o=Math.ceil(o*l)/l,s=Math.floor(s*l)/l;else break;c=l}return e},e}function qi(){var e=Wi();return e.copy=function(){return Hi(e,qi())},Ai.apply(e,arguments),Ki(e)}function Ji(e){return function(t){return t<0?-((-t)**+e):t**+e}}function Yi(e){return e<0?-Math.sqrt(-e):Math.sqrt(e)}function Xi(e){return e<0?-e*e:e*e}function Zi(e){var t=e(X,X),n=1;function r(){return n===1?e(X,X):n===.5?e(Yi,Xi):e(Ji(n),Ji(1/n))}return t.exponent=function(e){return arguments.length?(n=+e,r()):n},Ki(t)}function Qi(){var e=0,t=1,n,r,i,a,o=X,s=!1,c;function l(e){return e==null||isNaN(e=+e)?c:o(i===0?.5:(e=(a(e)-n)*i,s?Math.max(0,Math.min(1,e)):e))}l.domain=function(o){return arguments.length?([e,t]=o,n=a(e=+e),r=a(t=+t),i=n===r?0:1/(r-n),l):[e,t]},l.clamp=function(e){return arguments.length?(s=!!e,l):s},l.interpolator=function(e){return arguments.length?(o=e,l):o};function u(e){return function(t){var n,r;return arguments.length?([n,r]=t,o=e(n,r),l):[o(0),o(1)]}}return l.range=u(Qr),l.rangeRound=u($r),l.unknown=function(e){return arguments.length?(c=e,l):c},function(o){return a=o,n=o(e),r=o(t),i=n===r?0:1/(r-n),l}}function $i(e,t){return t.domain(e.domain()).interpolator(e.interpolator()).clamp(e.clamp()).unknown(e.unknown())}function ea(){var e=Zi(Qi());return e.copy=function(){return $i(e,ea()).exponent(e.exponent())},ji.apply(e,arguments)}function ta(){return ea.apply(null,arguments).exponent(.5)}function Z(e){for(var t=e.length/6|0,n=Array(t),r=0;r<t;)n[r]=`#`+e.slice(r*6,++r*6);return n}Z(`1f77b4ff7f0e2ca02cd627289467bd8c564be377c27f7f7fbcbd2217becf`),Z(`7fc97fbeaed4fdc086ffff99386cb0f0027fbf5b17666666`),Z(`1b9e77d95f027570b3e7298a66a61ee6ab02a6761d666666`),Z(`4269d0efb118ff725c6cc5b03ca951ff8ab7a463f297bbf59c6b4e9498a0`),Z(`a6cee31f78b4b2df8a33a02cfb9a99e31a1cfdbf6fff7f00cab2d66a3d9affff99b15928`),Z(`fbb4aeb3cde3ccebc5decbe4fed9a6ffffcce5d8bdfddaecf2f2f2`),Z(`b3e2cdfdcdaccbd5e8f4cae4e6f5c9fff2aef1e2cccccccc`),Z(`e41a1c377eb84daf4a984ea3ff7f00ffff33a65628f781bf999999`),Z(`66c2a5fc8d628da0cbe78ac3a6d854ffd92fe5c494b3b3b3`),Z(`8dd3c7ffffb3bebadafb807280b1d3fdb462b3de69fccde5d9d9d9bc80bdccebc5ffed6f`),Z(`4e79a7f28e2ce1575976b7b259a14fedc949af7aa1ff9da79c755fbab0ab`);var Q=e=>Br(e[e.length-1]);Q([,,,`d8b365f5f5f55ab4ac`,`a6611adfc27d80cdc1018571`,`a6611adfc27df5f5f580cdc1018571`,`8c510ad8b365f6e8c3c7eae55ab4ac01665e`,`8c510ad8b365f6e8c3f5f5f5c7eae55ab4ac01665e`,`8c510abf812ddfc27df6e8c3c7eae580cdc135978f01665e`,`8c510abf812ddfc27df6e8c3f5f5f5c7eae580cdc135978f01665e`,`5430058c510abf812ddfc27df6e8c3c7eae580cdc135978f01665e003c30`,`5430058c510abf812ddfc27df6e8c3f5f5f5c7eae580cdc135978f01665e003c30`].map(Z)),Q([,,,`af8dc3f7f7f77fbf7b`,`7b3294c2a5cfa6dba0008837`,`7b3294c2a5cff7f7f7a6dba0008837`,`762a83af8dc3e7d4e8d9f0d37fbf7b1b7837`,`762a83af8dc3e7d4e8f7f7f7d9f0d37fbf7b1b7837`,`762a839970abc2a5cfe7d4e8d9f0d3a6dba05aae611b7837`,`762a839970abc2a5cfe7d4e8f7f7f7d9f0d3a6dba05aae611b7837`,`40004b762a839970abc2a5cfe7d4e8d9f0d3a6dba05aae611b783700441b`,`40004b762a839970abc2a5cfe7d4e8f7f7f7d9f0d3a6dba05aae611b783700441b`].map(Z)),Q([,,,`e9a3c9f7f7f7a1d76a`,`d01c8bf1b6dab8e1864dac26`,`d01c8bf1b6daf7f7f7b8e1864dac26`,`c51b7de9a3c9fde0efe6f5d0a1d76a4d9221`,`c51b7de9a3c9fde0eff7f7f7e6f5d0a1d76a4d9221`,`c51b7dde77aef1b6dafde0efe6f5d0b8e1867fbc414d9221`,`c51b7dde77aef1b6dafde0eff7f7f7e6f5d0b8e1867fbc414d9221`,`8e0152c51b7dde77aef1b6dafde0efe6f5d0b8e1867fbc414d9221276419`,`8e0152c51b7dde77aef1b6dafde0eff7f7f7e6f5d0b8e1867fbc414d9221276419`].map(Z)),Q([,,,`998ec3f7f7f7f1a340`,`5e3c99b2abd2fdb863e66101`,`5e3c99b2abd2f7f7f7fdb863e66101`,`542788998ec3d8daebfee0b6f1a340b35806`,`542788998ec3d8daebf7f7f7fee0b6f1a340b35806`,`5427888073acb2abd2d8daebfee0b6fdb863e08214b35806`,`5427888073acb2abd2d8daebf7f7f7fee0b6fdb863e08214b35806`,`2d004b5427888073acb2abd2d8daebfee0b6fdb863e08214b358067f3b08`,`2d004b5427888073acb2abd2d8daebf7f7f7fee0b6fdb863e08214b358067f3b08`].map(Z)),Q([,,,`ef8a62f7f7f767a9cf`,`ca0020f4a58292c5de0571b0`,`ca0020f4a582f7f7f792c5de0571b0`,`b2182bef8a62fddbc7d1e5f067a9cf2166ac`,`b2182bef8a62fddbc7f7f7f7d1e5f067a9cf2166ac`,`b2182bd6604df4a582fddbc7d1e5f092c5de4393c32166ac`,`b2182bd6604df4a582fddbc7f7f7f7d1e5f092c5de4393c32166ac`,`67001fb2182bd6604df4a582fddbc7d1e5f092c5de4393c32166ac053061`,`67001fb2182bd6604df4a582fddbc7f7f7f7d1e5f092c5de4393c32166ac053061`].map(Z)),Q([,,,`ef8a62ffffff999999`,`ca0020f4a582bababa404040`,`ca0020f4a582ffffffbababa404040`,`b2182bef8a62fddbc7e0e0e09999994d4d4d`,`b2182bef8a62fddbc7ffffffe0e0e09999994d4d4d`,`b2182bd6604df4a582fddbc7e0e0e0bababa8787874d4d4d`,`b2182bd6604df4a582fddbc7ffffffe0e0e0bababa8787874d4d4d`,`67001fb2182bd6604df4a582fddbc7e0e0e0bababa8787874d4d4d1a1a1a`,`67001fb2182bd6604df4a582fddbc7ffffffe0e0e0bababa8787874d4d4d1a1a1a`].map(Z)),Q([,,,`fc8d59ffffbf91bfdb`,`d7191cfdae61abd9e92c7bb6`,`d7191cfdae61ffffbfabd9e92c7bb6`,`d73027fc8d59fee090e0f3f891bfdb4575b4`,`d73027fc8d59fee090ffffbfe0f3f891bfdb4575b4`,`d73027f46d43fdae61fee090e0f3f8abd9e974add14575b4`,`d73027f46d43fdae61fee090ffffbfe0f3f8abd9e974add14575b4`,`a50026d73027f46d43fdae61fee090e0f3f8abd9e974add14575b4313695`,`a50026d73027f46d43fdae61fee090ffffbfe0f3f8abd9e974add14575b4313695`].map(Z)),Q([,,,`fc8d59ffffbf91cf60`,`d7191cfdae61a6d96a1a9641`,`d7191cfdae61ffffbfa6d96a1a9641`,`d73027fc8d59fee08bd9ef8b91cf601a9850`,`d73027fc8d59fee08bffffbfd9ef8b91cf601a9850`,`d73027f46d43fdae61fee08bd9ef8ba6d96a66bd631a9850`,`d73027f46d43fdae61fee08bffffbfd9ef8ba6d96a66bd631a9850`,`a50026d73027f46d43fdae61fee08bd9ef8ba6d96a66bd631a9850006837`,`a50026d73027f46d43fdae61fee08bffffbfd9ef8ba6d96a66bd631a9850006837`].map(Z)),Q([,,,`fc8d59ffffbf99d594`,`d7191cfdae61abdda42b83ba`,`d7191cfdae61ffffbfabdda42b83ba`,`d53e4ffc8d59fee08be6f59899d5943288bd`,`d53e4ffc8d59fee08bffffbfe6f59899d5943288bd`,`d53e4ff46d43fdae61fee08be6f598abdda466c2a53288bd`,`d53e4ff46d43fdae61fee08bffffbfe6f598abdda466c2a53288bd`,`9e0142d53e4ff46d43fdae61fee08be6f598abdda466c2a53288bd5e4fa2`,`9e0142d53e4ff46d43fdae61fee08bffffbfe6f598abdda466c2a53288bd5e4fa2`].map(Z)),Q([,,,`e5f5f999d8c92ca25f`,`edf8fbb2e2e266c2a4238b45`,`edf8fbb2e2e266c2a42ca25f006d2c`,`edf8fbccece699d8c966c2a42ca25f006d2c`,`edf8fbccece699d8c966c2a441ae76238b45005824`,`f7fcfde5f5f9ccece699d8c966c2a441ae76238b45005824`,`f7fcfde5f5f9ccece699d8c966c2a441ae76238b45006d2c00441b`].map(Z)),Q([,,,`e0ecf49ebcda8856a7`,`edf8fbb3cde38c96c688419d`,`edf8fbb3cde38c96c68856a7810f7c`,`edf8fbbfd3e69ebcda8c96c68856a7810f7c`,`edf8fbbfd3e69ebcda8c96c68c6bb188419d6e016b`,`f7fcfde0ecf4bfd3e69ebcda8c96c68c6bb188419d6e016b`,`f7fcfde0ecf4bfd3e69ebcda8c96c68c6bb188419d810f7c4d004b`].map(Z)),Q([,,,`e0f3dba8ddb543a2ca`,`f0f9e8bae4bc7bccc42b8cbe`,`f0f9e8bae4bc7bccc443a2ca0868ac`,`f0f9e8ccebc5a8ddb57bccc443a2ca0868ac`,`f0f9e8ccebc5a8ddb57bccc44eb3d32b8cbe08589e`,`f7fcf0e0f3dbccebc5a8ddb57bccc44eb3d32b8cbe08589e`,`f7fcf0e0f3dbccebc5a8ddb57bccc44eb3d32b8cbe0868ac084081`].map(Z)),Q([,,,`fee8c8fdbb84e34a33`,`fef0d9fdcc8afc8d59d7301f`,`fef0d9fdcc8afc8d59e34a33b30000`,`fef0d9fdd49efdbb84fc8d59e34a33b30000`,`fef0d9fdd49efdbb84fc8d59ef6548d7301f990000`,`fff7ecfee8c8fdd49efdbb84fc8d59ef6548d7301f990000`,`fff7ecfee8c8fdd49efdbb84fc8d59ef6548d7301fb300007f0000`].map(Z)),Q([,,,`ece2f0a6bddb1c9099`,`f6eff7bdc9e167a9cf02818a`,`f6eff7bdc9e167a9cf1c9099016c59`,`f6eff7d0d1e6a6bddb67a9cf1c9099016c59`,`f6eff7d0d1e6a6bddb67a9cf3690c002818a016450`,`fff7fbece2f0d0d1e6a6bddb67a9cf3690c002818a016450`,`fff7fbece2f0d0d1e6a6bddb67a9cf3690c002818a016c59014636`].map(Z)),Q([,,,`ece7f2a6bddb2b8cbe`,`f1eef6bdc9e174a9cf0570b0`,`f1eef6bdc9e174a9cf2b8cbe045a8d`,`f1eef6d0d1e6a6bddb74a9cf2b8cbe045a8d`,`f1eef6d0d1e6a6bddb74a9cf3690c00570b0034e7b`,`fff7fbece7f2d0d1e6a6bddb74a9cf3690c00570b0034e7b`,`fff7fbece7f2d0d1e6a6bddb74a9cf3690c00570b0045a8d023858`].map(Z)),Q([,,,`e7e1efc994c7dd1c77`,`f1eef6d7b5d8df65b0ce1256`,`f1eef6d7b5d8df65b0dd1c77980043`,`f1eef6d4b9dac994c7df65b0dd1c77980043`,`f1eef6d4b9dac994c7df65b0e7298ace125691003f`,`f7f4f9e7e1efd4b9dac994c7df65b0e7298ace125691003f`,`f7f4f9e7e1efd4b9dac994c7df65b0e7298ace125698004367001f`].map(Z)),Q([,,,`fde0ddfa9fb5c51b8a`,`feebe2fbb4b9f768a1ae017e`,`feebe2fbb4b9f768a1c51b8a7a0177`,`feebe2fcc5c0fa9fb5f768a1c51b8a7a0177`,`feebe2fcc5c0fa9fb5f768a1dd3497ae017e7a0177`,`fff7f3fde0ddfcc5c0fa9fb5f768a1dd3497ae017e7a0177`,`fff7f3fde0ddfcc5c0fa9fb5f768a1dd3497ae017e7a017749006a`].map(Z)),Q([,,,`edf8b17fcdbb2c7fb8`,`ffffcca1dab441b6c4225ea8`,`ffffcca1dab441b6c42c7fb8253494`,`ffffccc7e9b47fcdbb41b6c42c7fb8253494`,`ffffccc7e9b47fcdbb41b6c41d91c0225ea80c2c84`,`ffffd9edf8b1c7e9b47fcdbb41b6c41d91c0225ea80c2c84`,`ffffd9edf8b1c7e9b47fcdbb41b6c41d91c0225ea8253494081d58`].map(Z)),Q([,,,`f7fcb9addd8e31a354`,`ffffccc2e69978c679238443`,`ffffccc2e69978c67931a354006837`,`ffffccd9f0a3addd8e78c67931a354006837`,`ffffccd9f0a3addd8e78c67941ab5d238443005a32`,`ffffe5f7fcb9d9f0a3addd8e78c67941ab5d238443005a32`,`ffffe5f7fcb9d9f0a3addd8e78c67941ab5d238443006837004529`].map(Z)),Q([,,,`fff7bcfec44fd95f0e`,`ffffd4fed98efe9929cc4c02`,`ffffd4fed98efe9929d95f0e993404`,`ffffd4fee391fec44ffe9929d95f0e993404`,`ffffd4fee391fec44ffe9929ec7014cc4c028c2d04`,`ffffe5fff7bcfee391fec44ffe9929ec7014cc4c028c2d04`,`ffffe5fff7bcfee391fec44ffe9929ec7014cc4c02993404662506`].map(Z)),Q([,,,`ffeda0feb24cf03b20`,`ffffb2fecc5cfd8d3ce31a1c`,`ffffb2fecc5cfd8d3cf03b20bd0026`,`ffffb2fed976feb24cfd8d3cf03b20bd0026`,`ffffb2fed976feb24cfd8d3cfc4e2ae31a1cb10026`,`ffffccffeda0fed976feb24cfd8d3cfc4e2ae31a1cb10026`,`ffffccffeda0fed976feb24cfd8d3cfc4e2ae31a1cbd0026800026`].map(Z));var na=Q([,,,`deebf79ecae13182bd`,`eff3ffbdd7e76baed62171b5`,`eff3ffbdd7e76baed63182bd08519c`,`eff3ffc6dbef9ecae16baed63182bd08519c`,`eff3ffc6dbef9ecae16baed64292c62171b5084594`,`f7fbffdeebf7c6dbef9ecae16baed64292c62171b5084594`,`f7fbffdeebf7c6dbef9ecae16baed64292c62171b508519c08306b`].map(Z));Q([,,,`e5f5e0a1d99b31a354`,`edf8e9bae4b374c476238b45`,`edf8e9bae4b374c47631a354006d2c`,`edf8e9c7e9c0a1d99b74c47631a354006d2c`,`edf8e9c7e9c0a1d99b74c47641ab5d238b45005a32`,`f7fcf5e5f5e0c7e9c0a1d99b74c47641ab5d238b45005a32`,`f7fcf5e5f5e0c7e9c0a1d99b74c47641ab5d238b45006d2c00441b`].map(Z)),Q([,,,`f0f0f0bdbdbd636363`,`f7f7f7cccccc969696525252`,`f7f7f7cccccc969696636363252525`,`f7f7f7d9d9d9bdbdbd969696636363252525`,`f7f7f7d9d9d9bdbdbd969696737373525252252525`,`fffffff0f0f0d9d9d9bdbdbd969696737373525252252525`,`fffffff0f0f0d9d9d9bdbdbd969696737373525252252525000000`].map(Z)),Q([,,,`efedf5bcbddc756bb1`,`f2f0f7cbc9e29e9ac86a51a3`,`f2f0f7cbc9e29e9ac8756bb154278f`,`f2f0f7dadaebbcbddc9e9ac8756bb154278f`,`f2f0f7dadaebbcbddc9e9ac8807dba6a51a34a1486`,`fcfbfdefedf5dadaebbcbddc9e9ac8807dba6a51a34a1486`,`fcfbfdefedf5dadaebbcbddc9e9ac8807dba6a51a354278f3f007d`].map(Z)),Q([,,,`fee0d2fc9272de2d26`,`fee5d9fcae91fb6a4acb181d`,`fee5d9fcae91fb6a4ade2d26a50f15`,`fee5d9fcbba1fc9272fb6a4ade2d26a50f15`,`fee5d9fcbba1fc9272fb6a4aef3b2ccb181d99000d`,`fff5f0fee0d2fcbba1fc9272fb6a4aef3b2ccb181d99000d`,`fff5f0fee0d2fcbba1fc9272fb6a4aef3b2ccb181da50f1567000d`].map(Z)),Q([,,,`fee6cefdae6be6550d`,`feeddefdbe85fd8d3cd94701`,`feeddefdbe85fd8d3ce6550da63603`,`feeddefdd0a2fdae6bfd8d3ce6550da63603`,`feeddefdd0a2fdae6bfd8d3cf16913d948018c2d04`,`fff5ebfee6cefdd0a2fdae6bfd8d3cf16913d948018c2d04`,`fff5ebfee6cefdd0a2fdae6bfd8d3cf16913d94801a636037f2704`].map(Z)),ai(Y(300,.5,0),Y(-240,.5,1)),ai(Y(-100,.75,.35),Y(80,1.5,.8)),ai(Y(260,.75,.35),Y(80,1.5,.8)),Y(),Wn();function ra(e){var t=e.length;return function(n){return e[Math.max(0,Math.min(t-1,Math.floor(n*t)))]}}ra(Z(`44015444025645045745055946075a46085c460a5d460b5e470d60470e6147106347116447136548146748166848176948186a481a6c481b6d481c6e481d6f481f70482071482173482374482475482576482677482878482979472a7a472c7a472d7b472e7c472f7d46307e46327e46337f463480453581453781453882443983443a83443b84433d84433e85423f854240864241864142874144874045884046883f47883f48893e49893e4a893e4c8a3d4d8a3d4e8a3c4f8a3c508b3b518b3b528b3a538b3a548c39558c39568c38588c38598c375a8c375b8d365c8d365d8d355e8d355f8d34608d34618d33628d33638d32648e32658e31668e31678e31688e30698e306a8e2f6b8e2f6c8e2e6d8e2e6e8e2e6f8e2d708e2d718e2c718e2c728e2c738e2b748e2b758e2a768e2a778e2a788e29798e297a8e297b8e287c8e287d8e277e8e277f8e27808e26818e26828e26828e25838e25848e25858e24868e24878e23888e23898e238a8d228b8d228c8d228d8d218e8d218f8d21908d21918c20928c20928c20938c1f948c1f958b1f968b1f978b1f988b1f998a1f9a8a1e9b8a1e9c891e9d891f9e891f9f881fa0881fa1881fa1871fa28720a38620a48621a58521a68522a78522a88423a98324aa8325ab8225ac8226ad8127ad8128ae8029af7f2ab07f2cb17e2db27d2eb37c2fb47c31b57b32b67a34b67935b77937b87838b9773aba763bbb753dbc743fbc7340bd7242be7144bf7046c06f48c16e4ac16d4cc26c4ec36b50c46a52c56954c56856c66758c7655ac8645cc8635ec96260ca6063cb5f65cb5e67cc5c69cd5b6ccd5a6ece5870cf5773d05675d05477d1537ad1517cd2507fd34e81d34d84d44b86d54989d5488bd6468ed64590d74393d74195d84098d83e9bd93c9dd93ba0da39a2da37a5db36a8db34aadc32addc30b0dd2fb2dd2db5de2bb8de29bade28bddf26c0df25c2df23c5e021c8e020cae11fcde11dd0e11cd2e21bd5e21ad8e219dae319dde318dfe318e2e418e5e419e7e419eae51aece51befe51cf1e51df4e61ef6e620f8e621fbe723fde725`)),ra(Z(`00000401000501010601010802010902020b02020d03030f03031204041405041606051806051a07061c08071e0907200a08220b09240c09260d0a290e0b2b100b2d110c2f120d31130d34140e36150e38160f3b180f3d19103f1a10421c10441d11471e114920114b21114e22115024125325125527125829115a2a115c2c115f2d11612f116331116533106734106936106b38106c390f6e3b0f703d0f713f0f72400f74420f75440f764510774710784910784a10794c117a4e117b4f127b51127c52137c54137d56147d57157e59157e5a167e5c167f5d177f5f187f601880621980641a80651a80671b80681c816a1c816b1d816d1d816e1e81701f81721f817320817521817621817822817922827b23827c23827e24828025828125818326818426818627818827818928818b29818c29818e2a81902a81912b81932b80942c80962c80982d80992d809b2e7f9c2e7f9e2f7fa02f7fa1307ea3307ea5317ea6317da8327daa337dab337cad347cae347bb0357bb2357bb3367ab5367ab73779b83779ba3878bc3978bd3977bf3a77c03a76c23b75c43c75c53c74c73d73c83e73ca3e72cc3f71cd4071cf4070d0416fd2426fd3436ed5446dd6456cd8456cd9466bdb476adc4869de4968df4a68e04c67e24d66e34e65e44f64e55064e75263e85362e95462ea5661eb5760ec5860ed5a5fee5b5eef5d5ef05f5ef1605df2625df2645cf3655cf4675cf4695cf56b5cf66c5cf66e5cf7705cf7725cf8745cf8765cf9785df9795df97b5dfa7d5efa7f5efa815ffb835ffb8560fb8761fc8961fc8a62fc8c63fc8e64fc9065fd9266fd9467fd9668fd9869fd9a6afd9b6bfe9d6cfe9f6dfea16efea36ffea571fea772fea973feaa74feac76feae77feb078feb27afeb47bfeb67cfeb77efeb97ffebb81febd82febf84fec185fec287fec488fec68afec88cfeca8dfecc8ffecd90fecf92fed194fed395fed597fed799fed89afdda9cfddc9efddea0fde0a1fde2a3fde3a5fde5a7fde7a9fde9aafdebacfcecaefceeb0fcf0b2fcf2b4fcf4b6fcf6b8fcf7b9fcf9bbfcfbbdfcfdbf`)),ra(Z(`00000401000501010601010802010a02020c02020e03021004031204031405041706041907051b08051d09061f0a07220b07240c08260d08290e092b10092d110a30120a32140b34150b37160b39180c3c190c3e1b0c411c0c431e0c451f0c48210c4a230c4c240c4f260c51280b53290b552b0b572d0b592f0a5b310a5c320a5e340a5f3609613809623909633b09643d09653e0966400a67420a68440a68450a69470b6a490b6a4a0c6b4c0c6b4d0d6c4f0d6c510e6c520e6d540f6d550f6d57106e59106e5a116e5c126e5d126e5f136e61136e62146e64156e65156e67166e69166e6a176e6c186e6d186e6f196e71196e721a6e741a6e751b6e771c6d781c6d7a1d6d7c1d6d7d1e6d7f1e6c801f6c82206c84206b85216b87216b88226a8a226a8c23698d23698f24699025689225689326679526679727669827669a28659b29649d29649f2a63a02a63a22b62a32c61a52c60a62d60a82e5fa92e5eab2f5ead305dae305cb0315bb1325ab3325ab43359b63458b73557b93556ba3655bc3754bd3853bf3952c03a51c13a50c33b4fc43c4ec63d4dc73e4cc83f4bca404acb4149cc4248ce4347cf4446d04545d24644d34743d44842d54a41d74b3fd84c3ed94d3dda4e3cdb503bdd513ade5238df5337e05536e15635e25734e35933e45a31e55c30e65d2fe75e2ee8602de9612bea632aeb6429eb6628ec6726ed6925ee6a24ef6c23ef6e21f06f20f1711ff1731df2741cf3761bf37819f47918f57b17f57d15f67e14f68013f78212f78410f8850ff8870ef8890cf98b0bf98c0af98e09fa9008fa9207fa9407fb9606fb9706fb9906fb9b06fb9d07fc9f07fca108fca309fca50afca60cfca80dfcaa0ffcac11fcae12fcb014fcb216fcb418fbb61afbb81dfbba1ffbbc21fbbe23fac026fac228fac42afac62df9c72ff9c932f9cb35f8cd37f8cf3af7d13df7d340f6d543f6d746f5d949f5db4cf4dd4ff4df53f4e156f3e35af3e55df2e661f2e865f2ea69f1ec6df1ed71f1ef75f1f179f2f27df2f482f3f586f3f68af4f88ef5f992f6fa96f8fb9af9fc9dfafda1fcffa4`)),ra(Z(`0d088710078813078916078a19068c1b068d1d068e20068f2206902406912605912805922a05932c05942e05952f059631059733059735049837049938049a3a049a3c049b3e049c3f049c41049d43039e44039e46039f48039f4903a04b03a14c02a14e02a25002a25102a35302a35502a45601a45801a45901a55b01a55c01a65e01a66001a66100a76300a76400a76600a76700a86900a86a00a86c00a86e00a86f00a87100a87201a87401a87501a87701a87801a87a02a87b02a87d03a87e03a88004a88104a78305a78405a78606a68707a68808a68a09a58b0aa58d0ba58e0ca48f0da4910ea3920fa39410a29511a19613a19814a099159f9a169f9c179e9d189d9e199da01a9ca11b9ba21d9aa31e9aa51f99a62098a72197a82296aa2395ab2494ac2694ad2793ae2892b02991b12a90b22b8fb32c8eb42e8db52f8cb6308bb7318ab83289ba3388bb3488bc3587bd3786be3885bf3984c03a83c13b82c23c81c33d80c43e7fc5407ec6417dc7427cc8437bc9447aca457acb4679cc4778cc4977cd4a76ce4b75cf4c74d04d73d14e72d24f71d35171d45270d5536fd5546ed6556dd7566cd8576bd9586ada5a6ada5b69db5c68dc5d67dd5e66de5f65de6164df6263e06363e16462e26561e26660e3685fe4695ee56a5de56b5de66c5ce76e5be76f5ae87059e97158e97257ea7457eb7556eb7655ec7754ed7953ed7a52ee7b51ef7c51ef7e50f07f4ff0804ef1814df1834cf2844bf3854bf3874af48849f48948f58b47f58c46f68d45f68f44f79044f79143f79342f89441f89540f9973ff9983ef99a3efa9b3dfa9c3cfa9e3bfb9f3afba139fba238fca338fca537fca636fca835fca934fdab33fdac33fdae32fdaf31fdb130fdb22ffdb42ffdb52efeb72dfeb82cfeba2cfebb2bfebd2afebe2afec029fdc229fdc328fdc527fdc627fdc827fdca26fdcb26fccd25fcce25fcd025fcd225fbd324fbd524fbd724fad824fada24f9dc24f9dd25f8df25f8e125f7e225f7e425f6e626f6e826f5e926f5eb27f4ed27f3ee27f3f027f2f227f1f426f1f525f0f724f0f921`));function ia(e){return e>.55?`#ffffff`:`#1f2328`}var aa=0;function oa(e,t){let n=Array.from(e);return n.length>t?n.slice(0,t-1).join(``)+`…`:e}function sa(e){return e.addEventListener(`click`,e=>{let t=e.target instanceof Element?e.target.closest(`[data-href]`):null;t?.dataset.href&&(location.hash=t.dataset.href)}),e}function ca(e){let{rows:t,cols:n}=e,r=Math.max(1,...t.flatMap(t=>n.map(n=>e.value(t,n)))),a=ta(na).domain([0,r]),s=e=>Math.sqrt(e/r),l=Pi().domain(n.map(e=>e.id)).range([210,210+n.length*30]).paddingInner(.06),u=Pi().domain(t.map(e=>e.id)).range([96,96+t.length*30]).paddingInner(.06),d=210+n.length*30+80,f=96+t.length*30+8,p=0,m={v:0,row:``,col:``},h=t.flatMap(t=>n.map(n=>{let r=e.value(t,n);p+=r,r>m.v&&(m={v:r,row:t.label,col:n.label});let i=e.selected&&e.selected.row===t.id&&e.selected.col===n.id,d=l(n.id),f=u(t.id);return o(`g`,{"data-href":e.href(t,n),class:[`cell`,i?`selected`:``],"data-row":t.id,"data-col":n.id,"data-count":String(r)},o(`rect`,{x:d,y:f,width:l.bandwidth(),height:u.bandwidth(),rx:2,fill:r?a(r):`#f3f4f6`,class:`cell-fill`}),r?o(`text`,{x:d+l.bandwidth()/2,y:f+u.bandwidth()/2+4,"text-anchor":`middle`,fill:ia(s(r)),class:`cell-count`},String(r)):null,o(`title`,null,`${t.label} at ${n.label}: ${c(r,`mandate`)}`))})),g=`hm-title-${++aa}`,_=`hm-desc-${aa}`,v=o(`svg`,{class:`heatmap`,viewBox:`0 0 ${d} ${f}`,width:d,role:`img`,"aria-labelledby":`${g} ${_}`},o(`title`,{id:g},e.title),o(`desc`,{id:_},`${c(t.length,`row`)} by ${c(n.length,`column`)}, ${c(p,`mandate`)} in all`+(m.v?`; the most: ${m.row} at ${m.col}, ${m.v}.`:`.`)+` The table after the chart gives every number.`),n.map(e=>o(`text`,{x:l(e.id)+l.bandwidth()/2,y:88,transform:`rotate(-55 ${l(e.id)+l.bandwidth()/2} 88)`,class:`col-label`},oa(e.label,18))),t.map(e=>o(`text`,{x:202,y:u(e.id)+u.bandwidth()/2+4,"text-anchor":`end`,class:`row-label`},oa(e.label,30))),h),y=i(`table`,{class:`heat-table`},i(`caption`,null,e.title,`: mandates by `,e.rowHeading,` and `,e.colHeading),i(`thead`,null,i(`tr`,null,i(`th`,{scope:`col`},e.rowHeading),n.map(e=>i(`th`,{scope:`col`},e.label)))),i(`tbody`,null,t.map(t=>i(`tr`,null,i(`th`,{scope:`row`},t.label),n.map(n=>{let r=e.value(t,n);return i(`td`,{class:`num`,"data-count":String(r)},r?i(`a`,{href:e.href(t,n),"aria-label":`${t.label} at ${n.label}: ${c(r,`mandate`)}`},String(r)):`0`)})))));return i(`figure`,{class:`chart heatmap-figure`},i(`div`,{class:`chart-scroll`},sa(v)),i(`figcaption`,null,`Darker cells: more mandates. Click a cell to list its mandates. ${c(p,`mandate`)} in all.`),i(`details`,{class:`chart-table`},i(`summary`,null,`The numbers as a table`),i(`div`,{class:`table-wrap`},y)))}function la(e){let t={top:16,right:8,bottom:100,left:84},n=150+t.top+t.bottom,r=Math.max(1,...e.bars.map(e=>e.value)),a=Pi().domain(e.bars.map(e=>e.id)).range([t.left,760-t.right]).padding(.2),s=qi().domain([0,r]).nice().range([n-t.bottom,t.top]),l=s.ticks(Math.min(5,s.domain()[1])),u=e.bars.reduce((e,t)=>e+t.value,0),d=e.bars.filter(e=>e.value>0),f=`bar-title-${++aa}`,p=`bar-desc-${aa}`,m=o(`svg`,{class:`bars`,viewBox:`0 0 760 ${n}`,role:`img`,"aria-labelledby":`${f} ${p}`},o(`title`,{id:f},e.title),o(`desc`,{id:p},`${c(u,e.noun[0],e.noun[1])} at ${c(d.length,`summit`)} of ${e.bars.length}. The table after the chart gives every number.`),l.map(e=>[o(`line`,{x1:t.left,x2:760-t.right,y1:s(e),y2:s(e),class:`grid`}),o(`text`,{x:t.left-6,y:s(e)+4,"text-anchor":`end`,class:`tick-label`},String(e))]),e.bars.map(r=>{let i=a(r.id);return o(`g`,{"data-href":r.href,class:`bar`,"data-id":r.id,"data-count":String(r.value)},o(`rect`,{x:i,y:s(r.value),width:a.bandwidth(),height:Math.max(0,s(0)-s(r.value)),fill:e.color}),r.value?o(`text`,{x:i+a.bandwidth()/2,y:s(r.value)-3,"text-anchor":`middle`,class:`bar-count`},String(r.value)):null,o(`text`,{x:i+a.bandwidth()/2,y:n-t.bottom+12,transform:`rotate(-40 ${i+a.bandwidth()/2} ${n-t.bottom+12})`,"text-anchor":`end`,class:`bar-label`},oa(r.label,22)),o(`title`,null,`${r.label}: ${c(r.value,e.noun[0],e.noun[1])}`))}),o(`line`,{x1:t.left,x2:760-t.right,y1:s(0),y2:s(0),class:`axis`})),h=i(`table`,{class:`bar-table`},i(`caption`,null,e.title),i(`thead`,null,i(`tr`,null,i(`th`,{scope:`col`},`Summit`),i(`th`,{scope:`col`},`${e.noun[1][0].toUpperCase()}${e.noun[1].slice(1)}`))),i(`tbody`,null,e.bars.map(e=>i(`tr`,null,i(`th`,{scope:`row`},i(`a`,{href:e.href},e.label)),i(`td`,{class:`num`,"data-count":String(e.value)},String(e.value))))));return i(`figure`,{class:`chart bars-figure`},sa(m),i(`figcaption`,null,`${c(u,e.noun[0],e.noun[1])} at ${c(d.length,`summit`)}.`),i(`details`,{class:`chart-table`},i(`summary`,null,`The numbers as a table`),i(`div`,{class:`table-wrap`},h)))}var ua=pe,da=y,fa=12,pa=10;async function ma(e,t){let n=[];for(let t=0;t<e.length;t+=pa)n.push(e.slice(t,t+pa));let r=await Promise.all(n.map(e=>d(new v(`query AgendaCounts(${e.map((e,t)=>`$e${t}: ID!`).join(`, `)}) {\n  ${e.map((e,t)=>`e${t}: trace(entity: $e${t}) { ...SummitCounts }`).join(`
  `)}\n}\n${da.toString()}`),Object.fromEntries(e.map((e,t)=>[`e${t}`,e])),t))),i=new Map;return n.forEach((e,t)=>e.forEach((e,n)=>i.set(e,new Map(r[t][`e${n}`].steps.map(e=>[e.summit.id,e.count]))))),i}var ha=me,ga=he;function _a(e){return{summit:e.get(`summit`),theme:e.get(`theme`),entity:e.get(`entity`)}}function va(e){let t=new URLSearchParams;e.summit&&e.theme&&(t.set(`summit`,e.summit),t.set(`theme`,e.theme)),e.entity&&t.set(`entity`,e.entity);let n=t.toString().replace(/%2F/g,`/`);return`#/themes${n?`?${n}`:``}`}function ya(e,t,n={}){let r=F(`Themes at each summit`,`agenda-matrix`),a=F(`One entity across the summits`,`agenda-entity`),o=d(ua,{},e),s=o.then(e=>e.entities.edges.map(e=>e.node).filter(e=>e.kind===`THEME`)),c=s.then(t=>ma(t.map(e=>e.id),e));for(let e of[o,s,c])e.catch(()=>{});return I(r.body,`the summit × theme matrix`,e,async()=>{let r=await o,a=await s,l=await c,u=e=>[...l.get(e.id)?.values()??[]].reduce((e,t)=>e+t,0),f=a.filter(e=>u(e)>0).sort((e,t)=>u(t)-u(e)||e.name.localeCompare(t.name)),p=(n.compact?f.slice(0,fa):f).map(e=>({id:e.id,label:e.name})),m=new Set(p.flatMap(e=>[...l.get(e.id)?.keys()??[]])),h=r.summits.filter(e=>m.has(e.id)).map(e=>({id:e.id,label:e.label}));if(p.length===0)return i(`p`,null,`No mandate mentions a theme.`);let g=[i(`p`,{class:`help`},p.length<f.length?`How many mandates of each summit mention each theme: the ${p.length} themes mentioned most, of ${f.length}. Summits without a themed mandate are left out.`:`How many mandates of each summit mention each theme (${p.length} themes mentioned, ${h.length} summits with any). Summits without a themed mandate are left out.`),ca({title:`Mandates by theme and summit`,rows:p,cols:h,rowHeading:`theme`,colHeading:`summit`,value:(e,t)=>l.get(e.id)?.get(t.id)??0,href:(e,n)=>va({...t,summit:n.id,theme:e.id}),selected:t.summit&&t.theme?{row:t.theme,col:t.summit}:null})];if(t.summit&&t.theme){let n=a.find(e=>e.id===t.theme),o=r.summits.find(e=>e.id===t.summit),s=F(`${n?.name??t.theme} at ${o?.label??t.summit}`,`agenda-cell`);s.el.setAttribute(`data-summit`,t.summit),s.el.setAttribute(`data-theme`,t.theme);let c=t.summit,l=t.theme;s.body.append(Te({signal:e,what:`the mandates of the cell`,noun:[`mandate`,`mandates`],pageSize:50,listTag:`ul`,listClass:`mandate-list cell-mandates`,fetch:async(t,n)=>(await d(ha,{summit:c,entity:l,first:t,after:n},e)).mandates,render:(e,t)=>t.append(...e.map(e=>i(`li`,{class:e.parent?`item`:``},z(e,`document`))))}),i(`p`,null,i(`a`,{href:va({...t,summit:null,theme:null})},`Close this list`))),g.push(s.el)}return g}),I(a.body,`the entity chart`,e,async()=>{let n=await o,r=n.entities.edges.map(e=>e.node),a=t.entity;if(!a){let e=await c,t=await s,n=0;for(let r of t){let t=[...e.get(r.id)?.values()??[]].reduce((e,t)=>e+t,0);t>n&&(n=t,a=r.id)}}let l=i(`select`,{id:`agenda-entity`},[`CONVENTION`,`INSTITUTION`,`THEME`].map(e=>i(`optgroup`,{label:`${A[e]}s`},r.filter(t=>t.kind===e).sort((e,t)=>e.name.localeCompare(t.name)).map(e=>i(`option`,{value:e.id},e.name)))));a&&(l.value=a),l.addEventListener(`change`,()=>{location.hash=va({...t,entity:l.value})});let f=i(`p`,{class:`agenda-picker`},i(`label`,{for:`agenda-entity`},`Entity `),l);if(!a)return[f,i(`p`,null,`Choose an entity.`)];let p=await d(ga,{id:a},e),m=p.node;if(!m||m.__typename!==`Entity`)throw new u(`NOT_FOUND`,`no entity with id "${a}"`);let h=new Map(p.trace.steps.map(e=>[e.summit.id,e.count]));return[f,i(`p`,{class:`help`},`Mandates of each summit that mention `,i(`a`,{href:M(m.kind,m.id)},m.name),`.`),la({title:`${m.name}: mandates per summit`,bars:n.summits.map(e=>({id:e.id,label:e.label,value:h.get(e.id)??0,href:M(`SUMMIT`,e.id)})),color:j(m.kind)?_e[m.kind]:`#555555`,noun:[`mandate`,`mandates`]})]}),i(`div`,{class:[`agenda`,n.compact?`compact`:``]},r.el,a.el,n.compact?i(`p`,null,i(`a`,{href:`#/themes`},`Open the themes and the chart on their own page`)):null)}function ba(e){document.title=`Themes across the summits — summitgraph`,s(e.main,i(`header`,{class:`page-head`},i(`h1`,{tabindex:`-1`},`Themes across the summits`),i(`p`,{class:`lead`},`Which themes each summit spoke about, and how often one entity came back. Each chart has its table under it.`)),ya(e.signal,_a(e.params)))}var xa=ee;function Sa(e){let{main:t,signal:n}=e;document.title=`summitgraph explorer`;let r=F(`The graph`,`stats`),a=F(`Summits`,`summits`),o=F(`Browse`,`browse`),c=i(`div`,{class:`agenda-slot`});s(t,i(`header`,{class:`page-head`},i(`h1`,{tabindex:`-1`},`The mandates of the Summits of the Americas`),i(`p`,{class:`lead`},`Search for a convention, an institution or a theme and follow it across summits: every mandate that names it, with the words that matched and how sure the match is. Try `,i(`a`,{href:`#/search?q=corruption`},`corruption`),`, `,i(`a`,{href:`#/search?q=MESICIC`},`MESICIC`),` or `,i(`a`,{href:`#/entity/convention/inter-american-convention-against-corruption`},`the Inter-American Convention against Corruption`),`.`)),i(`div`,{class:`two-col`},r.el,a.el),c,o.el);let l=d(xa,{},n),u=I(r.body,`the statistics`,n,async()=>{let e=(await l).stats,t=(e,t)=>[i(`dt`,null,e),i(`dd`,{class:`num`},t.toLocaleString(`en`))];return i(`dl`,{class:`stats`},t(`Summits`,e.summits),t(`Summit documents`,e.documents),t(`Mandates and items`,e.mandates),t(`Conventions`,e.conventions),t(`Institutions`,e.institutions),t(`Themes`,e.themes),t(`Mentions`,e.mentions),t(`Nodes`,e.nodes),t(`Edges`,e.edges),t(`Source files`,e.files))}),f=I(a.body,`the summits`,n,async()=>i(`ol`,{class:`plain-list`},(await l).summits.map(e=>i(`li`,null,L(e),i(`span`,{class:`muted`},` · ${e.name}${e.special?` (special)`:``}`),e.status?i(`span`,{class:`flag`},e.status):null))));Promise.all([u,f]).then(()=>requestAnimationFrame(()=>setTimeout(()=>{n.aborted||(performance.mark(`explorer:interactive`),c.append(ya(n,_a(new URLSearchParams),{compact:!0})),o.body.append(en(n,Zt(new URLSearchParams),!1)))},0)))}var Ca=te;async function wa(e){let t=await d(Ca,{id:e.id},e.signal);if(!t.node)throw new u(`NOT_FOUND`,`no node with id "${e.id}"`);location.replace(M(t.node.kind,t.node.id))}async function Ta(e){let t=await d(Ca,{id:e.id},e.signal);if(!t.node)throw new u(`NOT_FOUND`,`no node with id "${e.id}"`);let n=t.node;document.title=`Graph of ${n.label} — summitgraph`,s(e.main,i(`header`,{class:`page-head`},i(`p`,{class:`eyebrow`},N(n.kind)),i(`h1`,{tabindex:`-1`},`Graph of ${n.label}`),i(`p`,null,i(`a`,{href:M(n.kind,n.id)},`Open the page of this ${j(n.kind)?A[n.kind]:`node`}`))),rt({id:n.id,kind:n.kind,label:n.label},e.signal,{state:tt(e.params)}))}function Ea(e,t){document.title=`Not found — summitgraph`,s(e.main,i(`h1`,{tabindex:`-1`},`No such page`),i(`div`,{class:`error`,role:`alert`,"data-code":`NO_ROUTE`},i(`p`,null,`The explorer has no page at “${t}”.`)),i(`p`,null,i(`a`,{href:`#/`},`Go to the start page`)))}var Da=ne,Oa=re,ka=ie,Aa=ae;function ja(e,t){let n=t?`?theme=${encodeURIComponent(t)}`:``;return`#/summit/${encodeURIComponent(e)}${n}`}function Ma(e,t,n){let r=i(`select`,{id:`overlap-theme`,name:`theme`},i(`option`,{value:``},`every theme`));return n&&r.append(i(`option`,{value:n,selected:!0},n)),r.addEventListener(`change`,()=>{location.hash=ja(t,r.value||null)}),d(Da,{},e.signal).then(e=>{r.replaceChildren(i(`option`,{value:``},`every theme`),...e.entities.edges.map(({node:e})=>i(`option`,{value:e.id,selected:e.id===n},e.name||e.label)))}).catch(()=>{}),i(`p`,{class:`overlap-filter`},i(`label`,{for:`overlap-theme`},`Theme `),r)}function Na(e,t,n){let r=e.params.get(`theme`)||null,a=F(`Overlap with earlier summits`,`overlap`);a.el.id=`overlap`;let o=i(`div`);return a.body.append(Ma(e,t,r),o),I(o,`the overlap report`,e.signal,async()=>{let a=(await d(Oa,{summit:t,theme:r},e.signal)).overlap,o=a.theme?` on ${a.theme.name}`:``,s=i(`p`,{class:`overlap-summary`},`${a.renewing.toLocaleString(`en`)} of ${c(a.mandates,`mandate`)} of ${n}${o} renew earlier mandates.`),l=a.summits.length?i(`table`,{class:`overlap-table`},i(`caption`,null,`What ${n} renews of each earlier summit${o}`),i(`thead`,null,i(`tr`,null,[`Earlier summit`,`Its mandates`,`${n} mandates renewing it`,`Its mandates renewed`,`Not renewed since`].map(e=>i(`th`,{scope:`col`},e)))),i(`tbody`,null,a.summits.map(e=>i(`tr`,null,i(`th`,{scope:`row`},i(`a`,{href:`#/summit/${encodeURIComponent(e.summit.id)}`},e.summit.label)),[e.mandates,e.renewing,e.renewed,e.notRenewed].map(e=>i(`td`,{class:`num`},e.toLocaleString(`en`))))))):i(`p`,null,`No earlier summit.`),u=i(`div`,{class:`overlap-renewals`},i(`h3`,null,`Renewals`));u.append(Te({signal:e.signal,what:`the renewals`,noun:[`renewal`,`renewals`],pageSize:20,listTag:`ol`,listClass:`plain-list renewal-list`,fetch:async(n,i)=>(await d(ka,{summit:t,theme:r,first:n,after:i},e.signal)).overlap.renewals,render:(e,t)=>t.append(...e.map(e=>i(`li`,{class:`renewal`},z(e.from,`document`),i(`span`,{class:`renews`},` renews `),z(e.to),i(`span`,{class:`score`,title:`score`},` (${R(e.score)})`),i(`p`,{class:`evidence`},e.evidence))))}));let f=i(`div`,{class:`overlap-not-renewed`},i(`h3`,null,`Earlier mandates not renewed since`));return f.append(Te({signal:e.signal,what:`the mandates not renewed`,noun:[`mandate`,`mandates`],pageSize:20,listTag:`ul`,listClass:`mandate-list`,fetch:async(n,i)=>(await d(Aa,{summit:t,theme:r,first:n,after:i},e.signal)).overlap.notRenewed,render:(e,t)=>t.append(...e.map(e=>i(`li`,{class:e.parent?`item`:``},z(e))))})),[s,l,u,f]}),a.el}var Pa=ue,Fa=de;function Ia(e,t,n){return Te({signal:e.signal,what:`the mandates`,noun:[`mandate`,`mandates`],pageSize:50,listTag:`ul`,listClass:`mandate-list`,fetch:async(n,r)=>{let i=await d(Fa,{id:t,first:n,after:r},e.signal);if(!i.node||!(`mandates`in i.node))throw new u(`NOT_FOUND`,`no summit or document with id "${t}"`);return i.node.mandates},render:(e,t)=>t.append(...e.map(e=>i(`li`,{class:e.parent?`item`:``},z(e,n))))})}async function La(e){let{main:t,signal:n,id:r}=e,a=(await d(Pa,{id:r},n)).node;if(!a)throw new u(`NOT_FOUND`,`no node with id "${r}"`);if(a.__typename!==`Summit`){location.replace(M(a.kind,a.id));return}document.title=`${a.label} — summitgraph`;let o=F(`Documents`,`documents`);o.body.append(a.documents.length?i(`ul`,{class:`plain-list`},a.documents.map(e=>i(`li`,null,L(e,e.title)))):i(`p`,null,`No document of this summit has been ingested.`));let c=F(`Mandates`,`mandates`);c.body.append(Ia(e,a.id,`document`)),s(t,i(`header`,{class:`page-head`},i(`p`,{class:`eyebrow`},N(`SUMMIT`),a.status?i(`span`,{class:`flag`},a.status):null),i(`h1`,{tabindex:`-1`},a.name),a.nameEs?i(`p`,{class:`subtitle`,lang:`es`},a.nameEs):null,Ee([[`Where`,a.city&&a.country?`${a.city}, ${a.country}`:null],[`When`,a.startDate??String(a.year)],[`Kind`,a.special?`special summit`:a.ordinal?`ordinary summit no. ${a.ordinal}`:null],[`Note`,a.note],[`Id`,i(`code`,null,a.id)]])),i(`div`,{class:`two-col`},c.el,o.el),Na(e,a.id,a.label),rt({id:a.id,kind:a.kind,label:a.label},n,{state:tt(e.params)}))}var Ra=fe;async function za(e){let{main:t,signal:n,id:r}=e,a=(await d(Ra,{id:r},n)).node;if(!a)throw new u(`NOT_FOUND`,`no node with id "${r}"`);if(a.__typename!==`Document`){location.replace(M(a.kind,a.id));return}document.title=`${a.title} — summitgraph`;let o=F(`Mandates`,`mandates`);o.body.append(Ia(e,a.id,`none`)),s(t,i(`header`,{class:`page-head`},i(`p`,{class:`eyebrow`},N(`DOCUMENT`)),i(`h1`,{tabindex:`-1`},a.title),Ee([[`Summit`,[L(a.summit),` (${a.summit.name})`]],[`Year`,a.year?String(a.year):null],[`Id`,i(`code`,null,a.id)]])),o.el,rt({id:a.id,kind:a.kind,label:a.title},n,{state:tt(e.params)}))}var Ba=le,Va=20,Ha={en:`English`,es:`Spanish`,fr:`French`,pt:`Portuguese`};function Ua(e){return e.normalize(`NFD`).replace(/\p{M}/gu,``).toLowerCase()}function Wa(e,t){let n=Ua(t).split(/[^\p{L}\p{N}]+/u).filter(e=>e.length>=2).map(e=>e.length>5?e.slice(0,e.length-2):e);if(n.length===0)return[e];let r=[],a=/[\p{L}\p{N}]+/gu,o=0;for(let t of e.matchAll(a)){let a=Ua(t[0]);n.some(e=>a.startsWith(e))&&(t.index>o&&r.push(e.slice(o,t.index)),r.push(i(`mark`,{class:`term`},t[0])),o=t.index+t[0].length)}return o<e.length&&r.push(e.slice(o)),r}var Ga=[`CONVENTION`,`INSTITUTION`,`THEME`,`MANDATE`,`SUMMIT`,`DOCUMENT`];function Ka(e){return e.__typename===`Mandate`?Ae(e,`none`):e.label}function qa(e,t){let n=e.node,r=[];return n.__typename===`Mandate`&&r.push(ke(n)),n.__typename===`Entity`&&(n.acronym&&!n.label.includes(n.acronym)&&r.push(n.acronym),n.name!==n.label&&r.push(n.name)),i(`li`,{class:`result`,"data-kind":n.kind},i(`div`,{class:`result-head`},N(n.kind),` `,i(`a`,{class:`hit`,href:M(n.kind,n.id),"data-id":n.id},Ka(n))),r.length?i(`p`,{class:`muted result-sub`},r.join(` · `)):null,e.snippet&&e.snippet!==n.label?i(`p`,{class:`snippet`},Wa(e.snippet,t)):null)}function Ja(e,t){let n=location.hash.replace(/^#/,``),r=n.indexOf(`?`),i=new URLSearchParams(r<0?``:n.slice(r+1));t?i.set(e,t):i.delete(e),history.replaceState(history.state,``,`#${r<0?n:n.slice(0,r)}?${i.toString().replace(/%2C/g,`,`).replace(/%2F/g,`/`)}`)}function Ya(e){let t=(e.params.get(`q`)??``).trim();document.title=t?`“${t}”: search — summitgraph`:`Search — summitgraph`;let n=document.getElementById(`q`);n&&n.value!==t&&(n.value=t);let r=i(`h1`,{tabindex:`-1`},t?[`Search: `,i(`q`,null,t)]:`Search`),a=i(`div`,{class:`search-results`});if(s(e.main,r,a),!t){s(a,i(`p`,null,`Type words in the search box above: names, acronyms or words of mandates, in English, Spanish, French or Portuguese.`));return}let o=new Set((e.params.get(`kind`)??``).split(`,`).filter(j)),l=e.params.get(`summit`)??``,u=e.params.get(`lang`)??``,p=null,h=0,g=0,_=i(`p`,{role:`status`,class:`count`}),v=i(`ol`,{class:`results`}),y=i(`ul`,{class:`filter-list`}),b=i(`select`,{id:`sf-summit`,"data-filter":`summit`}),x=i(`select`,{id:`sf-lang`,"data-filter":`language`}),S=i(`button`,{type:`button`,class:`more`,hidden:!0},`More results`),C=i(`div`),w=i(`fieldset`,{class:`search-filter`},i(`legend`,null,`Show only`),y,i(`p`,{class:`filter-selects`},i(`label`,{for:`sf-summit`},`Summit `),b,` `,i(`label`,{for:`sf-lang`},`Language `),x)),T=()=>({kinds:o.size?[...o]:null,summit:l||null,language:u||null}),E=e=>{let t=new Map(e.kinds.map(e=>[e.kind,e.count]));s(y,Ga.filter(e=>t.has(e)||o.has(e)).map(e=>{let n=`sf-${e}`,r=i(`input`,{type:`checkbox`,id:n,value:e,"data-kind":e});return r.checked=o.has(e),r.addEventListener(`change`,()=>{r.checked?o.add(e):o.delete(e),Ja(`kind`,[...o].join(`,`)),D(!0).then(()=>document.getElementById(n)?.focus())}),i(`li`,null,r,i(`label`,{for:n},N(e),` ${t.get(e)??0}`))})),s(b,i(`option`,{value:``},`any`),e.summits.map(e=>i(`option`,{value:e.summit?.id??``,disabled:!e.summit},`${e.summit?.label??`no summit`} (${e.count})`))),l&&!e.summits.some(e=>e.summit?.id===l)&&b.append(i(`option`,{value:l},l)),b.value=l,s(x,i(`option`,{value:``},`any`),e.languages.map(e=>i(`option`,{value:e.language},`${Ha[e.language]??e.language} (${e.count})`))),u&&!e.languages.some(e=>e.language===u)&&x.append(i(`option`,{value:u},Ha[u]??u)),x.value=u};b.addEventListener(`change`,()=>{l=b.value,Ja(`summit`,l||null),D(!0).then(()=>b.focus())}),x.addEventListener(`change`,()=>{u=x.value,Ja(`lang`,u||null),D(!0).then(()=>x.focus())});let ee=e=>{let n=[];o.size&&n.push([...o].map(e=>`${A[e]}s`).join(`, `)),l&&n.push(`of ${b.selectedOptions[0]?.textContent?.replace(/ \(\d+\)$/,``)??l}`),u&&n.push(`in ${Ha[u]??u}`);let r=n.length?` (${n.join(`, `)})`:``;return e===0?`No results for “${t}”${r}.`:h>=e?`${c(e,`result`)}${r}.`:`${h.toLocaleString(`en`)} of ${c(e,`result`)}${r} shown.`},D=async n=>{let r=++g;n&&(p=null,h=0),S.disabled=!0,a.setAttribute(`aria-busy`,`true`);try{let i=(await d(Ba,{text:t,filter:T(),first:Va,after:p},e.signal)).searchPage;if(r!==g||e.signal.aborted)return;C.replaceChildren();let o=i.edges.map(e=>qa(e.node,t));n?s(v,o):v.append(...o),h+=o.length,p=i.pageInfo.endCursor??p,E(i),_.textContent=ee(i.totalCount),w.hidden=i.kinds.length===0,S.hidden=!i.pageInfo.hasNextPage,S.textContent=`More results (${Math.min(Va,i.totalCount-h)} of ${(i.totalCount-h).toLocaleString(`en`)} left)`,a.contains(v)||s(a,w,_,v,C,S)}catch(t){if(f(t)||e.signal.aborted)return;a.contains(v)?C.replaceChildren(m(t,`more results`)):s(a,m(t,`the search results`))}finally{S.disabled=!1,a.removeAttribute(`aria-busy`)}};S.addEventListener(`click`,()=>{let e=v.children.length;D(!1).then(()=>v.querySelectorAll(`a.hit`)[e]?.focus())}),s(a,we()),D(!0)}function Xa(){document.addEventListener(`keydown`,e=>{if(e.key!==`ArrowDown`&&e.key!==`ArrowUp`)return;let t=e.target,n=[...document.querySelectorAll(`.results a.hit`)];if(n.length===0)return;if(t?.id===`q`&&e.key===`ArrowDown`){e.preventDefault(),n[0].focus();return}let r=n.indexOf(t);r<0||(e.preventDefault(),e.key===`ArrowDown`?n[Math.min(r+1,n.length-1)].focus():r===0?document.getElementById(`q`)?.focus():n[r-1].focus())})}var $=document.getElementById(`main`),Za=document.getElementById(`tip`),Qa=document.getElementById(`search-form`),$a=document.getElementById(`q`);function eo(e){let t=e.replace(/^#/,``)||`/`,n=t.indexOf(`?`),r=n<0?t:t.slice(0,n),i=new URLSearchParams(n<0?``:t.slice(n+1)),a=r.split(`/`).filter(Boolean).map(e=>{try{return decodeURIComponent(e)}catch{return e}});return{page:a[0]??``,id:a.slice(1).join(`/`),params:i,path:r}}var to=null,no=!0;async function ro(){to?.abort();let e=new AbortController;to=e;let t=eo(location.hash),n={main:$,signal:e.signal,params:t.params,id:t.id};$.setAttribute(`aria-busy`,`true`),s($,i(`p`,{class:`loading`,role:`status`},`Loading…`));try{if([`entity`,`mandate`,`summit`,`document`,`node`,`graph`].includes(t.page)&&!t.id)Ea(n,t.path);else switch(t.page){case``:Sa(n);break;case`search`:Ya(n);break;case`browse`:tn(n);break;case`themes`:ba(n);break;case`review`:Gt(n);break;case`graph`:await Ta(n);break;case`entity`:await yt(n);break;case`mandate`:await jt(n);break;case`summit`:await La(n);break;case`document`:await za(n);break;case`node`:await wa(n);break;default:Ea(n,t.path)}}catch(t){if(f(t)||e.signal.aborted)return;document.title=`Error — summitgraph`,s($,i(`h1`,{tabindex:`-1`},`Could not show this page`),m(t),i(`p`,null,i(`a`,{href:`#/`},`Go to the start page`)))}finally{e.signal.aborted||$.removeAttribute(`aria-busy`)}e.signal.aborted||(!no&&document.activeElement!==$a&&$.querySelector(`h1`)?.focus({preventScroll:!0}),no=!1)}Qa.addEventListener(`submit`,e=>{e.preventDefault();let t=$a.value.trim(),n=`#/search?q=${encodeURIComponent(t)}`;location.hash===n?ro():location.hash=n}),window.addEventListener(`hashchange`,()=>{window.scrollTo(0,0),ro()});function io(e){f(e)||(console.error(e),$.prepend(m(e,`part of this page`)))}window.addEventListener(`error`,e=>io(e.error??e.message)),window.addEventListener(`unhandledrejection`,e=>io(e.reason)),document.querySelector(`[data-skip]`)?.addEventListener(`click`,e=>{e.preventDefault(),$.focus()}),_(Za),Xa(),ro();export{Be as t};