// Lines, on a grid of axes (parts, chart-parts.ts).
import { LineChart } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
import { use } from 'echarts/core';

use([LineChart, GridComponent]);
