package printpdf_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// testBrand is a brand of a generated test site.
type testBrand struct {
	id, name, organization, slogan, concept string
	ideas                                   []string // learning, conduct, … in order; "" leaves one out
	named                                   bool
}

var ideaKeys = []string{"learning", "conduct", "work", "style", "innovation", "service"}

// testLogo is a small logo, so generated sites need nothing from the repository.
const testLogo = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="5" fill="#9e1b1e"/></svg>`

// writeSite writes a site with one unit holding brands, printing its
// plaques on paper size and orientation, and returns its folder. The site
// lives under a path of its host, as a showcase often does, so printing
// must serve it there.
func writeSite(t *testing.T, size, orientation string, brands ...testBrand) string {
	t.Helper()
	dir := t.TempDir()
	files := map[string]string{
		"showcase.yaml": fmt.Sprintf(`title: 测试展示
baseURL: https://www.example.org/showcase/
campaign:
  name: 党建品牌创建三年规划(2020—2022)
  stages:
    - {id: declare, name: 品牌申报阶段, ends: 2020-12-31}
  statuses:
    - {id: named, name: 已命名}
plaque:
  size: %s
  orientation: %s
`, size, orientation),
		"content/unit/_unit.md": "---\nname: 示例市机关事务服务中心\n---\n",
	}
	for _, b := range brands {
		var fm strings.Builder
		fmt.Fprintf(&fm, "---\nname: %s\norganization: %s\nsecretary: 王某某\nstage: declare\nstatus: named\ndeclared: 2020-06-30\nlogo: logo.svg\nconcept: %s\n", b.name, b.organization, b.concept)
		if b.named {
			fm.WriteString("named: 2020-12-20\n")
		}
		if b.slogan != "" {
			fmt.Fprintf(&fm, "slogan: %s\n", b.slogan)
		}
		if len(b.ideas) > 0 {
			fm.WriteString("ideas:\n")
			for i, text := range b.ideas {
				if text != "" {
					fmt.Fprintf(&fm, "  %s: %s\n", ideaKeys[i], text)
				}
			}
		}
		fm.WriteString("carriers:\n  - {name: 载体, description: 载体的说明}\n---\n品牌内涵。\n")
		files["content/unit/"+b.id+"/index.md"] = fm.String()
		files["content/unit/"+b.id+"/logo.svg"] = testLogo
	}
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// repeatTo repeats s and cuts it to n characters.
func repeatTo(s string, n int) string {
	r := []rune(strings.Repeat(s, n/len([]rune(s))+1))
	return string(r[:n])
}

// denseBrand has the most a plaque must hold: an eight-character name, a
// 300-character concept, all six ideas, a long organization and a slogan.
func denseBrand() testBrand {
	idea := "把学习成果转化为推动工作的强大动力和为民服务的实际行动"
	return testBrand{
		id: "dense", name: "红色先锋示范引领",
		organization: "中共示例市机关事务服务中心机关第一党支部委员会",
		slogan:       "一心一意为人民服务永远在路上",
		concept:      repeatTo("坚持以党建引领业务发展，深入学习贯彻党的创新理论，把为民服务落实到每一个窗口、每一项工作、每一位群众，", 299) + "。",
		ideas:        []string{idea, idea, idea, idea, idea, idea},
		named:        true,
	}
}

// sparseBrand has only what is required, and a short concept.
func sparseBrand() testBrand {
	return testBrand{id: "sparse", name: "四字品牌", organization: "第二支部", concept: "服务为先。"}
}

// variedBrands span the range between sparse and dense.
func variedBrands() []testBrand {
	return []testBrand{
		denseBrand(),
		sparseBrand(),
		{id: "three", name: "七个字的品牌名", organization: "第三支部", concept: repeatTo("立足岗位作表率，", 120),
			ideas: []string{"学思践悟", "", "马上就办", "", "", "真心实意"}, named: true},
		{id: "four", name: "六字品牌名称", organization: "第四支部", slogan: "一句口号", concept: repeatTo("以学促干，以干践学。", 60),
			ideas: []string{repeatTo("学而不厌，", 40), repeatTo("行而不辍，", 40), "", repeatTo("求真务实，", 40)}},
		{id: "one", name: "五字的品牌", organization: "第五支部", concept: repeatTo("群众的事无小事。", 200),
			ideas: []string{"", "", "", "", "", repeatTo("服务群众零距离，", 60)}},
		{id: "latin", name: "5G先锋号", organization: "第六支部 (Party Branch No. 6)", concept: repeatTo("Build 5G networks for the people, 为人民建网络。", 300),
			ideas: []string{"Learn", "Act", "Work", "Style", "Innovate", "Serve"}},
	}
}
