@echo off
chcp 65001 >nul
rem 检查本文件所在站点文件夹里的品牌文件，然后等待按键。
cd /d "%~dp0"
set "SHOWCASE=%~dp0showcase.exe"
if not exist "%SHOWCASE%" set "SHOWCASE=showcase.exe"
"%SHOWCASE%" check
if errorlevel 1 goto problems
echo 没有发现问题。
goto done
:problems
echo.
echo 请按上面的提示修改，保存后再双击本文件检查一次。
:done
echo.
pause
