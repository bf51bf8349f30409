// Step 5 (校验): the findings grouped by rule (headed by the rule's title) or by resource.
// Both languages side by side, the same keys.

export const zh = {
  title: '校验结果',
  count: '{errors} 个错误，{warnings} 个提醒',
  byRule: '按规则',
  byResource: '按资源',
  none: '没有发现问题。',
  catalog: '机构与目录整体',
  ruleId: '规则编号 {id}',
}

export const en = {
  title: 'Validation results',
  count: '{errors} errors, {warnings} notes',
  byRule: 'By rule',
  byResource: 'By resource',
  none: 'No problems found.',
  catalog: 'Agency and catalog as a whole',
  ruleId: 'Rule {id}',
}
