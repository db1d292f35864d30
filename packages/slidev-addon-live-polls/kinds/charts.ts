import type { Component } from 'vue'
import type { PollKind } from './definitions.ts'
import MultipleChart from './multiple/Chart.vue'
import RankingChart from './ranking/Chart.vue'
import ScaleChart from './scale/Chart.vue'
import SingleChart from './single/Chart.vue'
import TextChart from './text/Chart.vue'

// The slides' entry: each kind's chart, drawn with its poll and its results (props `poll`, `results`).
export const charts: Record<PollKind, Component> = {
  single: SingleChart,
  multiple: MultipleChart,
  scale: ScaleChart,
  text: TextChart,
  ranking: RankingChart,
}
