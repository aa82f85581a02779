import { useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { graphql } from '../../../gql';
import { chainOf, layoutGraph, radiusFor } from '../graphLayout';
import { height, maxDrawn, maxLabels, width } from './useGraphView';

const GraphQuery = graphql(`
  query DelegationGraphPage($area: ID) {
    delegationGraph(area: $area) {
      area {
        id
        name
      }
      nodes {
        member {
          id
          handle
          displayName
        }
        weight
        isHolder
        isSuperDelegate
        inCycle
      }
      edges {
        from {
          id
        }
        to {
          id
        }
        rank
        scope
      }
    }
  }
`);

/**
 * The delegation graph of an area (the root until one is chosen) and its drawing: the heaviest
 * carriers laid out, the cycle members, the labelled nodes and my chain.
 */
export function useDelegationGraph(myHandle: string | null) {
  const [area, setArea] = useState<string | null>(null);
  const [{ data, error }] = useQuery({ query: GraphQuery, variables: { area } });
  const graph = data?.delegationGraph ?? null;

  const drawing = useMemo(() => {
    if (!graph) return null;
    const nodes = [...graph.nodes].sort((a, b) => b.weight - a.weight || a.member.handle.localeCompare(b.member.handle));
    const shown = nodes.slice(0, maxDrawn);
    const ids = new Set(shown.map((n) => n.member.id));
    const edges = graph.edges.filter((e) => ids.has(e.from.id) && ids.has(e.to.id));
    const { positions, scale } = layoutGraph(
      shown.map((n) => ({ id: n.member.id, radius: radiusFor(n.weight) })),
      edges.map((e) => ({ from: e.from.id, to: e.to.id })),
      width,
      height,
    );
    const cycle = new Set(shown.filter((n) => n.inCycle).map((n) => n.member.id));
    // Labels for the heaviest carriers only: more would overlap and hide the drawing.
    const labelled = new Set(shown.filter((n) => n.weight >= 2 || n.isSuperDelegate).slice(0, maxLabels).map((n) => n.member.id));
    const meNode = shown.find((n) => n.member.handle === myHandle);
    const chain = meNode ? chainOf(meNode.member.id, edges.map((e) => ({ from: e.from.id, to: e.to.id, rank: e.rank }))) : [];
    return { nodes, shown, edges, positions, scale, cycle, labelled, chain, me: meNode?.member.id ?? null };
  }, [graph, myHandle]);

  return { area, setArea, graph, error, drawing };
}
