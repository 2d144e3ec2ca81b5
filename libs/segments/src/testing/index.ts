export { equivalentArb, featuresArb, predicateArb, treeArb } from './segment.arbitraries';
