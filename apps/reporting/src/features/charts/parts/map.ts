// The map and its continuous colour scale (the map's own chunk: features/map/map-chart.ts). The
// piecewise scale is drawn nowhere and weighs several kB more.
import { MapChart } from 'echarts/charts';
import { VisualMapContinuousComponent } from 'echarts/components';
import { use } from 'echarts/core';

use([MapChart, VisualMapContinuousComponent]);

export { registerMap } from 'echarts/core';
