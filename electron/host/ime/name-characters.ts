/**
 * What makes pinyin candidates fit a name rather than running text: typing "wei" for a given name
 * should offer 伟 维 薇 before 为 未 位, and "li" for a surname 李 before 里.
 *
 * SURNAMES: the most common surnames of the mainland, most common first (the order of the Ministry
 * of Public Security's household-register counts, 2020: 王 李 张 刘 陈 …), then those frequent in
 * this region (Inner Mongolia and Jilin: 包 敖 乌 …, 金 朴 of the Korean community).
 *
 * GIVEN_NAME: characters common in given names, the usual ones and the rarer ones parents choose
 * (堃 喆 淏 玥 …, which a general dictionary ranks far down or lacks), and the characters that
 * write Mongolian given names in Chinese (巴特尔, 乌云其其格, 额尔敦 …). Hand-picked, for ranking only:
 * every character a dictionary knows stays reachable, these only come first.
 */
export const SURNAMES: readonly string[] = [
  ...'王李张刘陈杨黄赵吴周徐孙马胡朱郭何罗高林郑梁谢唐许冯宋韩邓彭曹曾田于肖潘袁董叶杜丁蒋程余吕魏蔡苏任卢沈姜姚钟崔陆谭汪石付贾范金方韦夏廖侯白孟邹秦尹江熊薛邱阎闫段雷季史陶毛贺龙万顾关郝孔向龚邵钱武扈戴黎汤易严文常牛莫洪米康温代赖施覃安',
  ...'包敖乌宝那佟富鲍索阿奇吉白岳单仇区解查朴盖尉缪召',
];

export const GIVEN_NAME: ReadonlySet<string> = new Set([
  ...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英霞平刚桂兰文华红玉建国海峰鹏辉宇浩轩子梓涵欣怡雨萱思佳俊博晨嘉琪瑶婷雪琳晓燕飞龙凤云春梅兵斌波林志新亮成宏鑫淑珍慧颖倩洁琴蕾薇丹萍玲',
  ...'智睿泽皓然铭昊阳晗钰婉馨诗雅琦妍彤悦琳娅蕊菲媛婧璐瑾瑜琛瑞祥福禄寿喜荣昌盛旺永安康宁泰和顺德仁义礼信忠孝贤良淑惠慈',
  ...'炜玮巍维威卫蔚伦立力利莉丽黎励俐荔骊俪坤琨昆鲲锟焜堃喆哲哲淏昊灏浩颢玥悦越跃珺君俊骏峻钧筠昇升晟胜圣燊深森垚尧瑶姚',
  ...'赟芸昀韵彧煜昱钰毓翀冲崇宸辰琛沁芯歆鑫馨祎依怡颐奕弈懿艺羿犇贲奔琇秀岫頔迪笛昕欣曦熙晞茜倩芊',
  ...'巴特尔图格日乐其娜仁达赉布苏乌额敖宝吉勒斯琴阿木塔拉胡恩嘎色楞扎那木呼沁都雅古斯孟根朝鲁音',
]);
