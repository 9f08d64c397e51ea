// GraphiQL for summitgraph, bundled from npm (graphiql, React) and served
// by the binary at /graphiql: nothing is fetched from another host. The
// editors are Monaco's; their workers are bundled too (setup-workers/vite).

import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import './graphiql.css';
import { GraphiQL, HISTORY_PLUGIN } from 'graphiql';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { fetcher } from './fetcher';

const DEFAULT_QUERY = `# summitgraph's GraphQL API.
# Ctrl-Enter runs the query; Docs (top left)
# browses the schema. A convention followed
# across summits:
query Trace {
  trace(entity: "convention/inter-american-convention-against-corruption") {
    entity { name acronym }
    steps { count summit { label year } }
  }
}
`;

const el = document.getElementById('graphiql') as HTMLElement;
const endpoint = el.dataset.endpoint ?? '/graphql';
createRoot(el).render(
  createElement(GraphiQL, {
    fetcher: fetcher(endpoint),
    defaultQuery: DEFAULT_QUERY,
    plugins: [HISTORY_PLUGIN],
    defaultEditorToolsVisibility: 'variables',
  }),
);
