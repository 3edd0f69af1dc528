// Bars, on a grid of axes (parts, chart-parts.ts).
import { BarChart } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
import { use } from 'echarts/core';

use([BarChart, GridComponent]);
