//go:build js && wasm

package wasm

import (
	"encoding/json"
	"syscall/js"

	"showcase/internal/submit"
)

// Register puts the engine's functions on global as showcaseEngine and
// calls global.showcaseEngineReady when it is there.
func Register(global js.Value) {
	var e *Engine
	api := map[string]any{
		"init": js.FuncOf(func(_ js.Value, args []js.Value) any {
			var err error
			e, err = New(args[0].String())
			return errText(err)
		}),
		"check": js.FuncOf(func(_ js.Value, args []js.Value) any {
			f, files := formArgs(args)
			out, err := e.Check(f, files)
			if err != nil {
				return jsonText(map[string]string{"error": err.Error()})
			}
			return jsonText(out)
		}),
		"zip": js.FuncOf(func(_ js.Value, args []js.Value) any {
			f, files := formArgs(args)
			data, err := e.Zip(f, files)
			if err != nil {
				return errText(err)
			}
			return toJS(data)
		}),
		"open": js.FuncOf(func(_ js.Value, args []js.Value) any {
			return opened(e.Open(fromJS(args[0])))
		}),
		"openFiles": js.FuncOf(func(_ js.Value, args []js.Value) any {
			return opened(e.OpenFiles(filesOf(args[0])))
		}),
		"preview": js.FuncOf(func(_ js.Value, args []js.Value) any {
			f, files := formArgs(args)
			html, err := e.Preview(f, files)
			if err != nil {
				return ""
			}
			return html
		}),
		"suggest": js.FuncOf(func(_ js.Value, args []js.Value) any {
			return Suggest(args[0].String())
		}),
	}
	global.Set("showcaseEngine", js.ValueOf(api))
	if ready := global.Get("showcaseEngineReady"); ready.Type() == js.TypeFunction {
		ready.Invoke()
	}
}

func errText(err error) any {
	if err == nil {
		return js.Null()
	}
	return err.Error()
}

func jsonText(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return `{"error":"json"}`
	}
	return string(b)
}

// formArgs reads (formJSON, files) from the page.
func formArgs(args []js.Value) (*submit.Form, map[string][]byte) {
	var f submit.Form
	_ = json.Unmarshal([]byte(args[0].String()), &f)
	return &f, filesOf(args[1])
}

// filesOf reads an object of Uint8Arrays by name.
func filesOf(obj js.Value) map[string][]byte {
	files := map[string][]byte{}
	if obj.Type() != js.TypeObject {
		return files
	}
	keys := js.Global().Get("Object").Call("keys", obj)
	for i := 0; i < keys.Length(); i++ {
		k := keys.Index(i).String()
		files[k] = fromJS(obj.Get(k))
	}
	return files
}

func fromJS(v js.Value) []byte {
	b := make([]byte, v.Get("length").Int())
	js.CopyBytesToGo(b, v)
	return b
}

func toJS(b []byte) js.Value {
	arr := js.Global().Get("Uint8Array").New(len(b))
	js.CopyBytesToJS(arr, b)
	return arr
}

// opened hands a read bundle to the page: {json, files}.
func opened(o Opened) js.Value {
	files := js.Global().Get("Object").New()
	for name, data := range o.Files {
		files.Set(name, toJS(data))
	}
	res := js.Global().Get("Object").New()
	res.Set("json", jsonText(o))
	res.Set("files", files)
	return res
}
