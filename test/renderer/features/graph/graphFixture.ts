import type { RelationshipGraph } from '@shared/graph/relationshipGraph'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'

/** A small graph in the shape `neighbourhood` returns: Ant Financial with Alibaba and Alipay around it. */
export const antFinancialGraph: RelationshipGraph = {
  startId: 'org-ant-financial',
  hops: 1,
  nodes: [
    { id: 'org-ant-financial', type: 'organisation', label: 'Ant Financial', distance: 0 },
    { id: 'org-alibaba', type: 'organisation', label: 'Alibaba Group', distance: 1 },
    { id: 'org-alipay', type: 'organisation', label: 'Alipay', distance: 1 },
    { id: 'inc-bill', type: 'incident', label: 'Annual bill <consent> default & "opt-in"', distance: 1 }
  ],
  edges: [
    { from: 'org-ant-financial', to: 'org-alibaba', relation: 'organisation:affiliate', label: 'Affiliate of', inverseLabel: 'Affiliate' },
    { from: 'org-alipay', to: 'org-ant-financial', relation: 'organisation:operator', label: 'Operated by', inverseLabel: 'Operates' },
    { from: 'inc-bill', to: 'org-ant-financial', relation: 'organisation:parent', label: 'Parent company', inverseLabel: 'Incident (parent company)' },
    { from: 'inc-bill', to: 'org-ant-financial', relation: 'organisation:operator', label: 'Operator', inverseLabel: 'Incident (operator)' }
  ],
  notShownCount: 0,
  isNotShownCountExact: true
}

/** A router with a blank page at every record address the graph links to. */
export function recordPagesRouter(): Router {
  const page = { template: '<p />' }
  return createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: page },
      ...(['organisation', 'incident', 'jurisdiction', 'law', 'response', 'source'] as const).map((type) => ({
        path: `/${type}s/:id`,
        name: type,
        component: page
      }))
    ]
  })
}
