package corpus

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"unicode/utf8"
)

// Sentences of the body. %[1]s is the brand's name, %[2]s the unit's name
// and %[3]s the brand's theme; not every sentence uses all three.
var meaningSentences = []string{
	"“%[1]s”品牌源自支部党员在%[3]s工作中积累的朴素经验，寓意党员像一盏灯、一面旗，在平凡岗位上发光发热。",
	"支部把“%[1]s”作为党员初心的见证：一页记学习，一页记工作，一页记服务，每一笔都要对党负责、对群众负责。",
	"%[2]s党组织坚持把党建工作与中心工作同谋划、同部署、同考核，围绕%[3]s开展品牌创建。",
	"品牌名称取“%[1]s”，既体现了行业特点，也表达了全体党员守正创新、担当作为的共同追求。",
	"品牌以“学习在前、服务在前、攻坚在前”为要求，推动党员在%[3]s一线亮身份、作表率。",
	"创建之初，支部通过问卷调查和座谈交流广泛征求党员群众意见，几经讨论确定了品牌名称和标识。",
	"标识以党徽红为主色，融入%[3]s元素，圆形寓意团结凝聚，向上的线条象征支部建设的蓬勃生机。",
	"“%[1]s”不仅是一个名称，更是一种工作方法和精神状态，体现了支部“把小事做实、把实事做好”的理念。",
}

var practiceLeads = []string{
	"学习入心", "服务入户", "监督入岗", "阵地入景", "机制入规", "文化入脑",
	"典型入列", "共建入心", "数字入网", "关爱入家", "攻坚入局", "宣传入眼",
}

var practiceSentences = []string{
	"开办“%[1]s”夜校，党员轮流登台讲政策、讲纪律、讲案例，学习笔记统一装订成册，年底集中展示交流。",
	"编印%[3]s明白卡，把办理流程、政策标准和咨询电话写清楚，由党员带到社区、村组逐户讲解。",
	"在关键岗位设立党员责任岗，推行“一事一核、一月一晒”，主动接受干部群众监督。",
	"建立支部“%[1]s”档案，逐月记录党员参加学习、志愿服务和承诺践诺情况，作为评先评优的重要依据。",
	"与辖区社区、企业和学校党组织开展结对共建，联合举办主题党日、政策宣讲和志愿服务活动。",
	"依托“学习强国”和单位公众号开设品牌专栏，定期推送党员先进事迹和工作动态，扩大品牌影响力。",
	"推行“党员+项目”工作模式，把%[3]s中的急难险重任务细化为攻坚项目，由党员领衔、限时销号。",
	"设立“党员接待日”，支部委员轮流值守，面对面倾听群众诉求，建立台账跟踪办理，做到件件有回音。",
	"组织青年党员成立突击队，在%[3]s重点工作中挑重担、打头阵，在实践中锤炼本领、增长才干。",
	"完善支部“三会一课”制度，把品牌创建纳入年度工作要点，实行季度调度、半年小结、年终考评。",
	"建设品牌展示室，集中展示创建历程、特色载体和工作成效，成为党员教育和对外交流的重要阵地。",
	"开展“亮身份、比作风、争先锋”活动，党员佩戴党徽上岗，公开承诺事项，接受群众评议。",
}

var resultSentences = []string{
	"三年来，支部服务群众的覆盖面逐年扩大，党员队伍的凝聚力和战斗力明显增强。",
	"支部先后被评为先进基层党组织，“%[1]s”工作法在系统内推广，多家单位前来交流学习。",
	"群众对%[3]s工作的满意度持续提升，收到锦旗和感谢信数十件，形成了良好的社会反响。",
	"品牌创建带动了业务工作提质增效，%[2]s多项指标位居全市前列，党建与业务实现了深度融合。",
	"一批青年党员在品牌创建中脱颖而出，走上业务骨干岗位，支部后备力量更加充实。",
	"支部的经验做法被上级刊物专题报道，品牌知名度和美誉度不断提高。",
}

var lessonSentences = []string{
	"品牌创建贵在坚持，只有把品牌融入日常、抓在经常，才能真正形成特色、发挥作用。",
	"党建品牌要从业务中来、到业务中去，离开中心工作谈品牌，品牌就会成为无源之水。",
	"党员是品牌的主体，只有调动每一名党员的积极性，品牌才有持久的生命力。",
	"群众满意是检验品牌成效的根本标准，品牌创建必须始终坚持以人民为中心。",
	"下一步，支部将对标先进、查找不足，在深化%[3]s上持续用力，推动“%[1]s”品牌提档升级。",
}

// paddingSentences fill a body up to its length once every section is written.
var paddingSentences = append(append(append([]string(nil), meaningSentences...), practiceSentences...), resultSentences...)

// bodyContext is what the body of one brand is written about.
type bodyContext struct {
	Name, Unit, Theme string
	PartnerName       string
	PartnerURL        string
	Carriers          []Carrier
}

// body writes a Markdown body of at least chars characters with headings,
// an ordered and an unordered list, a table, bold text and links.
func body(r *rand.Rand, c bodyContext, chars int) string {
	var b strings.Builder
	fill := strings.NewReplacer("%[1]s", c.Name, "%[2]s", c.Unit, "%[3]s", c.Theme, "%s", c.Theme)
	decks := map[*string]*deck{}
	// say draws sentences from a pool without repeating one until the pool
	// is used up, so a paragraph never says the same thing twice.
	say := func(pool []string) string {
		d := decks[&pool[0]]
		if d == nil {
			d = &deck{order: r.Perm(len(pool))}
			decks[&pool[0]] = d
		}
		if d.next == len(d.order) {
			d.order, d.next = r.Perm(len(pool)), 0
		}
		d.next++
		return fill.Replace(pool[d.order[d.next-1]])
	}
	para := func(pool []string, n int) {
		for i := 0; i < n; i++ {
			b.WriteString(say(pool))
		}
		b.WriteString("\n\n")
	}
	b.WriteString("## 品牌内涵\n\n")
	para(meaningSentences, 2)
	para(meaningSentences, 2)

	b.WriteString("## 主要做法\n\n")
	for i := 0; i < 4; i++ {
		fmt.Fprintf(&b, "%d. **%s。** %s%s\n", i+1, say(practiceLeads), say(practiceSentences), say(practiceSentences))
	}
	b.WriteString("\n### 特色载体\n\n")
	for _, cr := range c.Carriers {
		fmt.Fprintf(&b, "- **%s**：%s\n", cr.Name, cr.Description)
	}

	b.WriteString("\n## 工作成效\n\n")
	para(resultSentences, 2)
	b.WriteString("| 年度 | 主题活动（场） | 服务群众（人次） | 参与党员（人次） |\n| --- | ---: | ---: | ---: |\n")
	events, people := 6+r.IntN(6), 500+r.IntN(1500)
	for year := 2020; year <= 2022; year++ {
		fmt.Fprintf(&b, "| %d | %d | %d | %d |\n", year, events, people, events*(8+r.IntN(10)))
		events += 2 + r.IntN(5)
		people += 400 + r.IntN(1600)
	}
	b.WriteString("\n")
	para(resultSentences, 2)

	b.WriteString("## 经验启示\n\n")
	b.WriteString(say(lessonSentences))
	if c.PartnerName != "" {
		fmt.Fprintf(&b, "支部与[%s](%s)结对共建，互学互鉴、共同提高。", c.PartnerName, c.PartnerURL)
	}
	b.WriteString("更多学习资料见[共产党员网](https://www.12371.cn/)。\n\n")
	for utf8.RuneCountInString(b.String()) < chars {
		para(paddingSentences, 3)
	}
	return b.String()
}

// deck deals the sentences of one pool in a shuffled order.
type deck struct {
	order []int
	next  int
}
