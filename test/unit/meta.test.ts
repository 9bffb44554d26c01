// Year and government as a draft states them, however unfinished its front matter, and the
// pairing of a draft with last year's report that follows from them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../server/src/core/analyze';
import { nextYearOf, previousYearOf, sameGovernment, toPeer } from '../../server/src/core/peers';
import { corpusTest, readCorpus, readSample } from '../support/corpus';

const BODY = '\n\n各位代表：\n\n## 2023年工作回顾\n\n全年城镇新增就业2.7万人。\n\n## 2024年主要工作\n\n城镇新增就业2.5万人。\n';
const DRAFTS: [string, string, { year: number; government?: string; yearSource: string; governmentSource?: string }][] = [
  [
    'a month and no day',
    '# 政府工作报告\n\n——2024年1月在新市区第十五届人民代表大会第四次会议上' + BODY,
    { year: 2024, government: '新市区', yearSource: 'subtitle', governmentSource: 'subtitle' },
  ],
  [
    '2024年×月×日',
    '# 政府工作报告\n\n——2024年×月×日在新市区第十五届人民代表大会第四次会议上' + BODY,
    { year: 2024, government: '新市区', yearSource: 'subtitle', governmentSource: 'subtitle' },
  ],
  [
    'a （征求意见稿） title and no speaker line',
    '# 2024年新市区政府工作报告（征求意见稿）' + BODY,
    { year: 2024, government: '新市区', yearSource: 'part', governmentSource: 'title' },
  ],
  ['only a title', '# 2024年新市区政府工作报告\n\n正文待补。\n', { year: 2024, government: '新市区', yearSource: 'title', governmentSource: 'title' }],
  ['no government anywhere', '# 政府工作报告（征求意见稿）' + BODY, { year: 2024, yearSource: 'part' }],
];

const lastYear = readSample(); // 2023, 新市区 (speaker line)

for (const [name, text, want] of DRAFTS) {
  test(`a draft with ${name} reads year ${want.year}, government ${want.government ?? '(none: the folder)'} and pairs with last year's report`, () => {
    const draft = analyze(text, { rules: [], fileName: 'draft.md', folderName: 'xinshi' });
    assert.equal(draft.meta.year, want.year);
    assert.equal(draft.meta.yearSource, want.yearSource);
    if (want.government) {
      assert.equal(draft.meta.government, want.government);
      assert.equal(draft.meta.governmentSource, want.governmentSource);
    } else {
      assert.equal(draft.meta.government, 'xinshi');
      assert.equal(draft.meta.governmentSource, 'folder');
    }
    const prev = analyze(lastYear, { rules: [], fileName: 'xinshi-2023.md', folderName: 'xinshi' });
    const draftRef = { uri: 'file:///reports/xinshi/draft.md', meta: draft.meta };
    const prevPeer = toPeer('file:///reports/xinshi/xinshi-2023.md', prev);
    assert.ok(sameGovernment(draftRef, prevPeer), 'same government');
    assert.equal(previousYearOf(draft.meta, [prevPeer])?.uri, prevPeer.uri);
    assert.equal(nextYearOf(prev.meta, [toPeer(draftRef.uri, draft)])?.uri, draftRef.uri);
    // In another folder, a draft naming no government pairs with nothing; one naming 新市区 still pairs.
    const elsewhere = { uri: 'file:///elsewhere/draft.md', meta: draft.meta };
    assert.equal(sameGovernment(elsewhere, prevPeer), !!want.government);
  });
}

test('two reports naming different governments never pair, even in one folder', () => {
  const a = analyze('# 2024年新市区政府工作报告\n', { rules: [] });
  const b = analyze('# 2023年旧市区政府工作报告\n', { rules: [] });
  assert.equal(sameGovernment({ uri: 'file:///r/a.md', meta: a.meta }, { uri: 'file:///r/b.md', meta: b.meta }), false);
});

test('national-2014 (“我代表国务院，向大会作政府工作报告”) is the 国务院’s, read from its opening', corpusTest(), () => {
  const a = analyze(readCorpus('national-2014.md'), { rules: [], fileName: 'national-2014.md', folderName: 'corpus' });
  assert.equal(a.meta.government, '国务院');
  assert.equal(a.meta.governmentSource, 'opening');
  assert.equal(a.meta.year, 2014);
  for (const y of [2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022]) {
    const m = analyze(readCorpus(`national-${y}.md`), { rules: [], fileName: `national-${y}.md`, folderName: 'corpus' }).meta;
    assert.equal(m.government, '国务院', `national-${y}`);
    assert.equal(m.year, y, `national-${y}`);
  }
});
