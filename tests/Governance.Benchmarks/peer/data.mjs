// The benchmark and conformance data, kept identical to tests/Shared/ConformanceSchema.cs:
// ten items of ten children each.
const colors = ['RED', 'GREEN', 'BLUE'];

export const items = Array.from({ length: 10 }, (_, i) => ({
  id: `item-${i + 1}`,
  name: `Item ${i + 1}`,
  color: colors[i % 3],
  createdAt: '2026-01-01T00:00:00Z',
  children: Array.from({ length: 10 }, (_, j) => ({
    id: `child-${i + 1}-${j + 1}`,
    name: `Child ${i + 1}.${j + 1}`,
    value: (i + 1) * 10 + (j + 1),
  })),
}));
