/** Strings of the poster's sheets drawn a few at a time (part of the `roles` namespace, key `sheets`). */

export const sheetsZhTW = {
  preparing: '正在準備列印頁面（{{n}} / {{total}}）…',
  ready: '全部 {{total}} 頁已備妥',
  /** While only the preview's first sheets are laid out. */
  counting: '正在計算頁數…',
  unknownTotal: '…',
};

export const sheetsZhCN: typeof sheetsZhTW = {
  preparing: '正在准备打印页面（{{n}} / {{total}}）…',
  ready: '全部 {{total}} 页已就绪',
  counting: '正在计算页数…',
  unknownTotal: '…',
};

export const sheetsEn: typeof sheetsZhTW = {
  preparing: 'Preparing pages to print ({{n}} / {{total}})…',
  ready: 'All {{total}} pages ready',
  counting: 'Counting pages…',
  unknownTotal: '…',
};
