// What the graph view exports: its elements as GraphML (nodes with kind and
// label, edges with type and weight) and Cytoscape JSON, and a file download
// for those and for the PNG and SVG images. Only what is shown (filters
// applied) is exported.

import type cytoscape from 'cytoscape';

function xml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c] as string);
}

/** graphml writes nodes and edges as GraphML that Gephi, yEd, networkx and Cytoscape desktop read. */
export function graphml(nodes: cytoscape.NodeCollection, edges: cytoscape.EdgeCollection): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    '  <key id="kind" for="node" attr.name="kind" attr.type="string"/>',
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    '  <key id="x" for="node" attr.name="x" attr.type="double"/>',
    '  <key id="y" for="node" attr.name="y" attr.type="double"/>',
    '  <key id="type" for="edge" attr.name="type" attr.type="string"/>',
    '  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>',
    '  <graph id="summitgraph" edgedefault="directed">',
  ];
  nodes.forEach((n) => {
    const p = n.position();
    out.push(
      `    <node id="${xml(n.id())}"><data key="kind">${xml(String(n.data('kind')))}</data><data key="label">${xml(String(n.data('label')))}</data>` +
        `<data key="x">${p.x.toFixed(1)}</data><data key="y">${p.y.toFixed(1)}</data></node>`,
    );
  });
  edges.forEach((e) => {
    const w = e.data('weight') as number | null;
    out.push(
      `    <edge id="${xml(e.id())}" source="${xml(e.source().id())}" target="${xml(e.target().id())}"><data key="type">${xml(String(e.data('type')))}</data>` +
        (w != null ? `<data key="weight">${w}</data>` : '') +
        '</edge>',
    );
  });
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}

/** cytoscapeJSON is the elements in the form cytoscape({elements}) and Cytoscape desktop import. */
export function cytoscapeJSON(nodes: cytoscape.NodeCollection, edges: cytoscape.EdgeCollection): string {
  const pick = (el: cytoscape.SingularElementArgument) => {
    const { short: _short, ...data } = el.data() as Record<string, unknown>;
    void _short;
    return el.isNode() ? { data, position: { ...el.position() } } : { data };
  };
  return JSON.stringify({ format_version: '1.0', generated_by: 'summitgraph explorer', elements: { nodes: nodes.map(pick), edges: edges.map(pick) } }, null, 1);
}

/** download offers data as a file. */
export function download(name: string, data: Blob | string, type: string): void {
  const blob = typeof data === 'string' ? new Blob([data], { type }) : data;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** fileName makes a file name from a node id: "convention/x-y" → "summitgraph-convention-x-y". */
export function fileName(id: string): string {
  return `summitgraph-${id.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '')}`;
}
