// The exact logical outline of real reports: every part, section and lead-in, their nesting,
// and the lines each spans (1-based, as an editor shows them; sections end where the next begins).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { analyze } from '../../server/src/core/analyze';
import { HAN } from '../../server/src/core/text/chars';
import { corpusTest, readCorpus, readSample } from '../support/corpus';
import { renderOutline } from '../support/render';

test('sample report (xinshi-2023): parts, sections numbered 一、 at ##/###/#### depths, bold lead-ins', () => {
  const a = analyze(readSample(), { fileName: 'xinshi-2023.md' });
  assert.equal(
    renderOutline(a),
    `title 政府工作报告 3-187
  part 2022年工作回顾 [review 2022] 15-73
    section 一、经济发展取得新成效 19-29
      leadin 产业发展韧性提升 21-23
      leadin 内需拉动引擎更强 25-25
      leadin 乡村振兴持续加力 27-27
      leadin 项目建设高效推进 29-29
    section 二、发展动力活力不断增强 31-39
      leadin 重点领域改革取得新突破 33-33
      leadin 创新驱动发展迈出新步伐 35-35
      leadin 对外开放塑造新优势 37-37
      leadin 营商环境实现新跃升 39-39
    section 三、城区功能品质持续优化 41-47
      leadin 城区更新行动再提效 43-43
      leadin 精细化治理水平再提升 45-45
      leadin 生态文明建设再提质 47-47
    section 四、群众获得感更加充实 49-73
      leadin 社会保障精准扩面 51-51
      leadin 教育优先发展成效显著 53-55
      leadin 群众文化活动日益丰富 57-57
      leadin 十件民生实事有效推进 59-59
  part 2023年主要工作 [plan 2023] 75-187
    leadin 2023年政府工作的总体要求是 79-79
    section 一、深入学习宣传贯彻党的二十大精神，扎实推动党的二十大精神入脑入心、落地落实 83-87
    section 二、着力维护社会和谐稳定，持之以恒防范化解重大风险 [着力] 89-91
    section 三、着力构建现代产业体系，坚定不移推动经济高质量发展 [着力] 93-121
      leadin 以更优服务提升营商环境 97-101
      leadin 以招商稳商释放发展潜力 103-103
      leadin 以项目建设带动产业发展 105-105
      leadin 以激发消费拉动内需循环 107-109
      leadin 以产业升级推动工业增效 111-113
      leadin 以丰富业态加快服务业提质 115-115
      leadin 以三农发展助力乡村振兴 117-119
      leadin 以深化改革赋能高质量发展 121-121
    section 四、着力增强科技创新能力，不断塑造发展新动能新优势 [着力] 123-143
      leadin 实施园区提档升级工程 127-127
      leadin 实施科技成果转化工程 129-133
      leadin 实施平台载体提质工程 135-135
      leadin 实施科创环境优化工程 137-137
      leadin 实施引才育才聚才工程 139-143
    section 五、着力加强现代化城区建设，用心打造品质城区 [着力] 145-155
      leadin 加快提升规划建设水平 149-149
      leadin 加快提升精细化管理水平 151-153
      leadin 加快提升生态文明建设水平 155-155
    section 六、着力保障和改善民生，在增进民生福祉中实现各族群众对美好生活的向往 [着力] 157-171
      leadin 更好实现就业惠民 161-161
      leadin 更好实现教育惠民 163-165
      leadin 更好实现社保惠民 167-167
      leadin 更好实现健康惠民 169-169
      leadin 更好实现文化惠民 171-171
    section 七、着力加强政府自身建设，提升政府履职能力和水平 [着力] 173-187
      leadin 坚持以政治建设统领工作 177-177
      leadin 坚持以法治规范指导工作 179-179
      leadin 坚持以务实清廉保障工作 181-181
      leadin 坚持以专业高效推动工作 183-183
      leadin 坚持以实干担当落实工作 185-185`,
  );
});

test('sample report: meta (year from the subtitle split by a page break, government from the speaker line)', () => {
  const a = analyze(readSample(), { fileName: 'xinshi-2023.md' });
  assert.equal(a.meta.year, 2023);
  assert.equal(a.meta.yearSource, 'subtitle');
  assert.equal(a.meta.government, '新市区');
  assert.equal(a.meta.governmentSource, 'speaker');
  assert.equal(a.meta.subtitle, '2023年1月13日在新市区第十五届人民代表大会第三次会议上');
});

test('national-2019: parts 一、…三、, run-in （一） sections with their lead sentences, 一是/—— lead-ins, the 主要预期目标 passage', corpusTest(), () => {
  const a = analyze(readCorpus('national-2019.md'), { fileName: 'national-2019.md' });
  assert.equal(
    renderOutline(a),
    `title 政府工作报告 1-207
  part 一、2018年工作回顾 [review 2018] 7-53
    leadin 经济运行保持在合理区间 11-11
    leadin 经济结构不断优化 13-13
    leadin 发展新动能快速成长 15-15
    leadin 改革开放取得新突破 17-17
    leadin 三大攻坚战开局良好 19-19
    leadin 人民生活持续改善 21-21
    leadin 一是创新和完善宏观调控，经济保持平稳运行 29-29
    leadin 二是扎实打好三大攻坚战，重点任务取得积极进展 31-31
    leadin 三是深化供给侧结构性改革，实体经济活力不断释放 33-33
    leadin 四是深入实施创新驱动发展战略，创新能力和效率进一步提升 35-35
    leadin 五是加大改革开放力度，发展动力继续增强 37-37
    leadin 六是统筹城乡区域发展，良性互动格局加快形成 39-39
    leadin 七是坚持在发展中保障和改善民生，改革发展成果更多更公平惠及人民群众 41-41
    leadin 八是推进法治政府建设和治理创新，保持社会和谐稳定 43-43
  part 二、2019年经济社会发展总体要求和政策取向 [requirements 2019] 55-75
    targets 主要预期目标 61-61
  part 三、2019年政府工作任务 [plan 2019] 77-207
    section （一）继续创新和完善宏观调控，确保经济运行在合理区间 81-93
      leadin 实施更大规模的减税 83-83
      leadin 明显降低企业社保缴费负担 85-85
      leadin 确保减税降费落实到位 87-87
      leadin 着力缓解企业融资难融资贵问题 89-89
      leadin 有效发挥地方政府债券作用 91-91
      leadin 多管齐下稳定和扩大就业 93-93
    section （二）激发市场主体活力，着力优化营商环境 95-101
      leadin 以简审批优服务便利投资兴业 97-97
      leadin 以公正监管促进公平竞争 99-99
      leadin 以改革推动降低涉企收费 101-101
    section （三）坚持创新引领发展，培育壮大新动能 103-111
      leadin 推动传统产业改造提升 105-105
      leadin 促进新兴产业加快发展 107-107
      leadin 提升科技支撑能力 109-109
      leadin 进一步把大众创业万众创新引向深入 111-111
    section （四）促进形成强大国内市场，持续释放内需潜力 113-117
      leadin 推动消费稳定增长 115-115
      leadin 合理扩大有效投资 117-117
    section （五）对标全面建成小康社会任务，扎实推进脱贫攻坚和乡村振兴 119-127
      leadin 打好精准脱贫攻坚战 121-121
      leadin 抓好农业特别是粮食生产 123-123
      leadin 扎实推进乡村建设 125-125
      leadin 全面深化农村改革 127-127
    section （六）促进区域协调发展，提高新型城镇化质量 129-133
      leadin 优化区域发展格局 131-131
      leadin 深入推进新型城镇化 133-133
    section （七）加强污染防治和生态建设，大力推动绿色发展 135-141
      leadin 持续推进污染防治 137-137
      leadin 壮大绿色环保产业 139-139
      leadin 加强生态系统保护修复 141-141
    section （八）深化重点领域改革，加快完善市场机制 143-149
      leadin 加快国资国企改革 145-145
      leadin 下大气力优化民营经济发展环境 147-147
      leadin 深化财税金融体制改革 149-149
    section （九）推动全方位对外开放，培育国际经济合作和竞争新优势 151-159
      leadin 促进外贸稳中提质 153-153
      leadin 加大吸引外资力度 155-155
      leadin 推动共建“一带一路” 157-157
      leadin 促进贸易和投资自由化便利化 159-159
    section （十）加快发展社会事业，更好保障和改善民生 161-207
      leadin 发展更加公平更有质量的教育 163-163
      leadin 保障基本医疗卫生服务 165-165
      leadin 完善社会保障制度和政策 167-167
      leadin 丰富人民群众精神文化生活 169-169
      leadin 加强和创新社会治理 171-171
      leadin 坚持依法全面履职 177-177
      leadin 深入推进党风廉政建设 179-179
      leadin 切实强化责任担当 181-181`,
  );
  assert.equal(a.meta.government, '国务院');
  assert.equal(a.meta.year, 2019);
});

test('xinjiang-2026: standalone （一） lines as sections, run-in （一） items in the review, five-year parts', corpusTest(), () => {
  const a = analyze(readCorpus('xinjiang-2026.md'), { fileName: 'xinjiang-2026.md' });
  assert.equal(
    renderOutline(a),
    `title 2026年新疆维吾尔自治区政府工作报告 1-143
  part 一、“十四五”时期和2025年工作回顾 [review 2025 five-year] 11-59
    section （一）全力维护社会大局和谐稳定 33-33
    section （二）积极构筑中华民族共有精神家园 35-35
    section （三）加快构建现代化产业体系 37-37
    section （四）充分挖掘内需潜力 39-39
    section （五）高水平推进对外开放 41-41
    section （六）加快推进区域城乡协调发展 43-43
    section （七）持续加强生态环境保护 45-45
    section （八）大力增进民生福祉 47-59
  part 二、“十五五”时期经济社会发展的主要目标和战略举措 [requirements five-year] 61-75
  part 三、2026年重点工作 [plan 2026] 77-129
    targets 主要预期目标 81-81
    section （一）坚持守住底线，坚决维护社会大局稳定 85-87
    section （二）坚持内需主导，持续加力提振消费扩大有效投资 89-91
    section （三）坚持高质量发展，培育具有竞争力的特色产业集群 93-95
    section （四）坚持创新驱动，加快培育壮大新质生产力 97-99
    section （五）坚持改革攻坚，更大力度激发高质量发展动力活力 101-103
    section （六）坚持高水平开放，更好服务和融入国内国际双循环 105-107
    section （七）坚持协调发展，促进乡村振兴和南疆高质量发展 109-111
    section （八）坚持绿色低碳引领，扎实推进美丽新疆建设 113-115
    section （九）坚持民生为大，持续增进各族群众福祉 117-119
    section （十）坚持凝心聚力，深入推进中华民族共同体建设 121-129
  part 四、坚持和加强党的全面领导，全力建设让人民更加满意的政府 [plan 2026] 131-143
    section （一）加强政治建设，把对党忠诚作为政府的首要品质 135-135
    section （二）深化法治建设，把依法行政作为政府的履职准则 137-137
    section （三）优化作风建设，把正确政绩观作为政府的鲜明导向 139-139
    section （四）强化廉政建设，把清正廉洁作为政府的立身之本 141-143`,
  );
  assert.equal(a.meta.government, '新疆维吾尔自治区');
  assert.equal(a.meta.year, 2026);
});

test('a heading’s name: markup marks, runs of space, PDF spaces by digits and trailing punctuation dropped (random headings)', () => {
  // The names as the outline first cleaned them, one replace after another (the fast path for names without marks or spaces must agree).
  const reference = (s: string) =>
    s
      .replace(/[*#]+/g, '')
      .replace(/\s+/g, ' ')
      .replace(new RegExp(`(\\d)\\s+(?=[${HAN}])`, 'g'), '$1')
      .replace(new RegExp(`([${HAN}])\\s+(?=\\d)`, 'g'), '$1')
      .trim()
      .replace(/[。：:！!；;，,\s]+$/u, '')
      .trim();
  const char = fc.constantFrom('工', '作', '回', '顾', '2', '0', ' ', '\u3000', '*', '#', '。', '：', ':', '！', '；', '，', ',', 'a');
  fc.assert(
    fc.property(fc.array(fc.array(char, { minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 8 }), (titles) => {
      const text = ['# 政府工作报告', '', ...titles.map((t, i) => `## （${i + 1}）${t.join('')}`)].join('\n\n');
      const a = analyze(text, { rules: [] });
      for (const n of a.tree.nodes) if (n.passage.kind === 'heading') assert.equal(n.name, reference(n.passage.text.text), JSON.stringify(n.passage.text.text));
    }),
    { numRuns: 500, seed: 20261202 },
  );
});
