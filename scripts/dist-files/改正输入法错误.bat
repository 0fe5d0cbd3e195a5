@echo off
chcp 65001 >nul
rem 自动改正全角冒号、全角空格等输入法误输入，再检查一遍，然后等待按键。
cd /d "%~dp0"
set "SHOWCASE=%~dp0showcase.exe"
if not exist "%SHOWCASE%" set "SHOWCASE=showcase.exe"
"%SHOWCASE%" check --fix
if errorlevel 1 goto problems
echo 没有发现问题。
goto done
:problems
echo.
echo 上面列出的问题需要手工修改，保存后双击“检查品牌.bat”再检查一次。
:done
echo.
pause
