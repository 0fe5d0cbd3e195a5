package submit

// Field is one field of a brand's file as a branch secretary sees it:
// the one definition of its label, required mark, help and example, which
// showcase new writes as comments and /submit/ shows beside its control.
type Field struct {
	// Key is the front-matter key, and the page control's name.
	Key      string
	Label    string
	Required bool
	// Help says what to write, in a line.
	Help    string
	Example string
}

// Fields are a brand's fields in the file's order.
var Fields = []Field{
	{Key: "name", Label: "品牌名称", Required: true, Help: "4 到 8 个字（一个汉字算一个字）。", Example: "红色账本"},
	{Key: "organization", Label: "党组织全称", Required: true, Help: "创建品牌的党委、党总支或党支部。", Example: "中共示例市财政局机关第一支部委员会"},
	{Key: "secretary", Label: "第一责任人", Help: "一般是党组织书记。", Example: "王某某"},
	{Key: "stage", Label: "创建阶段", Required: true, Help: "品牌现在所处的创建阶段。"},
	{Key: "status", Label: "品牌状态", Required: true, Help: "品牌现在的状态。"},
	{Key: "declared", Label: "申报日期", Required: true, Help: "写成 年-月-日，月和日都用两位数。", Example: "2020-06-30"},
	{Key: "logo", Label: "品牌标识", Required: true, Help: "标识图片，支持 svg、png、jpg、webp 格式。", Example: "logo.svg"},
	{Key: "slogan", Label: "品牌口号", Help: "一句好记的话。", Example: "一本账本算清为民心"},
	{Key: "concept", Label: "品牌理念", Required: true, Help: "一句话，建议不超过 100 个字；详细的品牌内涵写在正文里。", Example: "以账本为镜，把为民服务一笔一笔记清算准"},
	{Key: "ideas", Label: "品牌文化理念", Help: "六个理念，可以只写其中几个。"},
	{Key: "carriers", Label: "品牌载体", Required: true, Help: "至少一个：载体名称和说明。", Example: "账本夜校"},
	{Key: "members", Label: "党员人数", Help: "只写数字。", Example: "23"},
	{Key: "partners", Label: "结对共建的品牌", Help: "从本站已有的品牌中选择。"},
	{Key: "tags", Label: "标签", Help: "用逗号分隔。", Example: "便民服务，志愿服务"},
	{Key: "photos", Label: "照片", Help: "支持 jpg、png、webp；每张照片建议不超过 2 MB。"},
	{Key: "goals", Label: "年度深化计划", Help: "每年一项，每个目标一行。"},
	{Key: "timeline", Label: "创建档案", Help: "大事记，日期写成 年-月-日。", Example: "提交申报表"},
	{Key: "body", Label: "正文", Help: "品牌内涵、主要做法、工作成效。"},
}

// IdeaFields are the six ideas, in order, with their labels.
var IdeaFields = []Field{
	{Key: "learning", Label: "学习理念"}, {Key: "conduct", Label: "行为理念"}, {Key: "work", Label: "工作理念"},
	{Key: "style", Label: "作风理念"}, {Key: "innovation", Label: "创新理念"}, {Key: "service", Label: "服务理念"},
}

// FieldByKey returns the field with key, or an empty one.
func FieldByKey(key string) Field {
	for _, f := range Fields {
		if f.Key == key {
			return f
		}
	}
	return Field{}
}

// BodyTemplate is the body a new brand starts with: the three headings
// of the campaign's documents.
const BodyTemplate = "## 品牌内涵\n\n\n## 主要做法\n\n\n## 工作成效\n\n"
