declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}

declare module 'echarts/i18n/langFR-obj.js' {
  import type { registerLocale } from 'echarts/core';
  type LocaleOption = Parameters<typeof registerLocale>[1];
  const lang: LocaleOption;
  export default lang;
}
