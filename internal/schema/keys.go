package schema

import "showcase/internal/fields"

// brandKeys are the keys of a brand's front matter, in SPEC order. Labels
// map the Chinese words an author may write instead (the names the campaign
// documents use) to the key, so the hint can name the key to use.
var brandKeys = fields.Keys{
	Known: []string{
		"name", "organization", "secretary", "stage", "status", "declared", "named",
		"logo", "slogan", "concept", "ideas", "carriers", "members", "partners",
		"tags", "photos", "goals", "timeline", "draft",
	},
	Labels: map[string]string{
		"品牌名称": "name", "名称": "name", "品牌": "name",
		"党组织": "organization", "组织": "organization", "党组织名称": "organization", "支部": "organization",
		"书记": "secretary", "第一责任人": "secretary", "负责人": "secretary",
		"阶段": "stage", "创建阶段": "stage", "状态": "status", "品牌状态": "status",
		"申报日期": "declared", "申报": "declared", "申报时间": "declared",
		"命名日期": "named", "命名": "named", "命名时间": "named",
		"品牌标识": "logo", "标识": "logo", "标志": "logo", "图标": "logo",
		"口号": "slogan", "品牌口号": "slogan", "标语": "slogan",
		"理念": "concept", "品牌理念": "concept", "品牌理念和内涵": "concept",
		"文化理念": "ideas", "品牌文化": "ideas",
		"载体": "carriers", "品牌载体": "carriers",
		"党员人数": "members", "党员": "members", "人数": "members",
		"结对": "partners", "结对共建": "partners", "共建": "partners",
		"标签": "tags", "照片": "photos", "图片": "photos",
		"目标": "goals", "年度目标": "goals", "深化计划": "goals",
		"大事记": "timeline", "创建档案": "timeline", "档案": "timeline",
		"草稿": "draft",
	},
}

// requiredBrandKeys must be present and filled in every brand.
// The status is required only in a site without decisions/, which the
// site checks when it is assembled (see site.deriveStatuses).
var requiredBrandKeys = []string{"name", "organization", "stage", "declared", "logo", "concept", "carriers"}

// ideaKeys are the keys of the ideas mapping, in display order, with labels.
var ideaKeys = []struct{ key, label string }{
	{"learning", "学习理念"}, {"conduct", "行为理念"}, {"work", "工作理念"},
	{"style", "作风理念"}, {"innovation", "创新理念"}, {"service", "服务理念"},
}

// ideaFields returns the keys of the ideas mapping with their labels.
func ideaFields() fields.Keys {
	k := fields.Keys{Labels: map[string]string{}}
	for _, i := range ideaKeys {
		k.Known = append(k.Known, i.key)
		k.Labels[i.label] = i.key
	}
	return k
}

// Keys of the smaller mappings inside a brand.
var (
	carrierKeys = fields.Keys{Known: []string{"name", "description"}, Labels: map[string]string{"名称": "name", "说明": "description", "描述": "description", "简介": "description"}}
	goalKeys    = fields.Keys{Known: []string{"year", "items"}, Labels: map[string]string{"年度": "year", "年份": "year", "目标": "items", "事项": "items"}}
	eventKeys   = fields.Keys{Known: []string{"date", "event"}, Labels: map[string]string{"日期": "date", "时间": "date", "事件": "event", "事项": "event"}}
	unitKeys    = fields.Keys{Known: []string{"name", "parent", "weight", "organizations"}, Labels: map[string]string{"名称": "name", "单位名称": "name", "上级": "parent", "上级党组织": "parent", "排序": "weight", "权重": "weight", "党组织": "organizations", "组织": "organizations"}}
)
