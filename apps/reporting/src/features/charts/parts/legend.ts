// The plain legend (parts, chart-parts.ts): the scrolling one is drawn nowhere and weighs more.
import { LegendPlainComponent } from 'echarts/components';
import { use } from 'echarts/core';

use([LegendPlainComponent]);
